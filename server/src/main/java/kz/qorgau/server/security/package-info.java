/**
 * Who may do what, and how hard it is to pretend: staff sign-in (Argon2id passwords, a TOTP second
 * factor, login throttling per account and per source), page sessions (new id at each sign-in step,
 * idle and absolute timeouts, CSRF), API bearer tokens and their administration, throttling of wrong
 * receipts on the reporter channel, and the headers of every response (a strict Content-Security-Policy
 * among them). Public API: {@link kz.qorgau.server.security.SecondFactor} and {@link
 * kz.qorgau.server.security.AccountAdministration}. See docs/security.md.
 */
@NullMarked
@ApplicationModule(displayName = "Security")
package kz.qorgau.server.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
