package kz.qorgau.server.security;

import java.util.Map;
import java.util.Optional;
import kz.qorgau.server.support.Http;

/** The staff sign-in steps through the real pages, with their CSRF tokens. */
final class SignInSteps {

    private SignInSteps() {}

    /** Posts the password form; the answer is the redirect Spring Security sends. */
    static Http.Response password(Http http, String login, String password) {
        String csrf = Http.csrf(http.get("/staff/login").body());
        return http.postForm("/staff/login", Map.of("username", login, "password", password, "_csrf", csrf));
    }

    /** Posts a code to the step at {@code path} ({@code /staff/login/code} or {@code /staff/login/enrol}). */
    static Http.Response code(Http http, String path, String code) {
        String csrf = Http.csrf(http.get(path).body());
        return http.postForm(path, Map.of("code", code, "_csrf", csrf));
    }

    static String location(Http.Response response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The value of the session cookie a response sets, if it sets one. */
    static Optional<String> sessionCookie(Http.Response response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("QSESSION="))
                .findFirst();
    }
}
