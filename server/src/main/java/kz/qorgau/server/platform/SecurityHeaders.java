package kz.qorgau.server.platform;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries. Spring Security sets them on everything that passes
 * its filter chain; a filter that answers before that chain (the request size limit) sets them
 * itself with {@link #applyTo}.
 */
public final class SecurityHeaders {

    /** No inline script or style, nothing from another origin, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private SecurityHeaders() {}

    /** Sets the headers Spring Security would have set (HSTS aside: that needs to know about TLS). */
    public static void applyTo(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
