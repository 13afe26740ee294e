/**
 * Who may do what: staff sign-in (form login with Argon2id passwords), API bearer tokens, response
 * headers (a strict Content-Security-Policy among them) and problem+json for refused requests.
 */
@NullMarked
@ApplicationModule(displayName = "Security")
package kz.qorgau.server.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
