package kz.qorgau.core.organisation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to one organisation in the directory.
 *
 * @param code the organisation's stable code, e.g. {@code school-1-qyzylorda}: 1 to 64 characters
 *     of letters, digits, '.', '_' and '-'
 * @param type what kind of organisation it is
 */
public record Organisation(String code, OrganisationType type) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Checks the code. */
    public Organisation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "an organisation code is 1 to 64 letters, digits, '.', '_' or '-': '" + code + "'");
        }
    }
}
