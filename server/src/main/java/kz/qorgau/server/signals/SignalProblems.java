package kz.qorgau.server.signals;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;

/**
 * Refusals of the signals API as RFC 9457 problems. They are {@link ErrorResponseException}s, which the
 * platform's problem handler turns into {@code application/problem+json} with their status.
 */
final class SignalProblems {

    private static final String TYPE_BASE = "https://qorgau.kz/problems/";

    private SignalProblems() {}

    /** 403 unless the token carries the scope (the API chain only checks that the caller is authenticated). */
    static void requireScope(Authentication authentication, String scope) {
        boolean granted =
                authentication.getAuthorities().stream().anyMatch(a -> ("SCOPE_" + scope).equals(a.getAuthority()));
        if (!granted) {
            throw problem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Forbidden",
                    "This needs a token with the scope '" + scope + "'.");
        }
    }

    static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    static ErrorResponseException tooLarge(String detail) {
        ErrorResponseException e =
                problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", detail);
        e.getBody().setProperty("field", "body");
        return e;
    }

    static ErrorResponseException unreadable(String detail) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", detail);
        e.getBody().setProperty("field", "body");
        return e;
    }

    /** The input as a whole cannot be used (a wrong header, malformed XML); nothing was stored. */
    static ErrorResponseException unusableInput(String source, long line, String reason) {
        ErrorResponseException e = problem(
                HttpStatus.BAD_REQUEST,
                "unusable-input",
                "The input cannot be read",
                source + " line " + line + ": " + reason + " Nothing was stored.");
        e.getBody().setProperty("field", source);
        e.getBody().setProperty("line", line);
        e.getBody().setProperty("reason", reason);
        return e;
    }

    static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
