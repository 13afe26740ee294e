package kz.qorgau.server.platform;

import java.util.List;

/** Input that breaks a rule; answered with 400 problem+json listing every field at fault. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(
                violations.isEmpty()
                        ? "invalid input"
                        : violations.getFirst().field() + ": "
                                + violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new FieldViolation(field, code, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
