package kz.qorgau.server.security;

import kz.qorgau.server.directory.ApiTokens;
import kz.qorgau.server.directory.StaffAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the JSON API under {@code /api/**} (stateless, bearer tokens, problem+json
 * refusals, no CSRF because no cookie authenticates it) and the pages (form login for staff with a
 * TOTP second step, CSRF protection, a new session id at each sign-in step, idle and absolute session
 * timeouts). Both send the same strict headers; {@code Cache-Control: no-store} is sent for everything,
 * static files included, so that a shared or searched device keeps no trace of a visit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /** No inline script or style anywhere; nothing from third parties. */
    static final String CONTENT_SECURITY_POLICY = kz.qorgau.server.platform.SecurityHeaders.CONTENT_SECURITY_POLICY;

    /**
     * A request the firewall refuses (e.g. a header with C1 control characters) is a 400 with
     * problem+json like every other refusal, not a bare error page.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(
                response, 400, "request-rejected", "Request rejected", "The request is malformed and was refused.");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/reports")
                        .permitAll()
                        .requestMatchers("/api/v1/reporter/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/ledger/checkpoint",
                                "/api/v1/ledger/key",
                                "/api/v1/ledger/proofs/**")
                        .permitAll()
                        .requestMatchers("/api/v1/ledger/entries/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole("OVERSIGHT"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_ledger:read")))
                        .requestMatchers("/api/v1/simulation/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers("/api/v1/admin/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole("ADMINISTRATOR"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_admin")))
                        .requestMatchers("/api/v1/oversight/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole("OVERSIGHT"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_oversight:read")))
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases/**", "/api/v1/referrals/**")
                        .hasAuthority("SCOPE_cases:read")
                        .requestMatchers("/api/v1/cases/**", "/api/v1/referrals/**")
                        .hasAuthority("SCOPE_cases:write")
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint((request, response, e) -> problems.write(
                                        response,
                                        401,
                                        "unauthorized",
                                        "Unauthorized",
                                        "Send 'Authorization: Bearer <token>'."))
                                .accessDeniedHandler((request, response, e) -> problems.write(
                                        response,
                                        403,
                                        "forbidden",
                                        "Forbidden",
                                        "Your role or token scopes do not allow this.")));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            StaffAuthenticationProvider staff,
            SignIns signIns,
            SecuritySettings settings,
            SecurityTime time,
            StaffAccounts accounts)
            throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        // Its own manager without a parent: otherwise a refused attempt is tried again by the global
        // manager (which also holds the provider bean), doubling the Argon2 work and the count.
        http.authenticationManager(new ProviderManager(staff))
                .authorizeHttpRequests(auth -> auth.requestMatchers(SignIns.CODE_STEP, SignIns.ENROL_STEP)
                        .hasAuthority(StaffAuthorities.PENDING_SECOND_FACTOR)
                        .requestMatchers("/staff/login")
                        .permitAll()
                        .requestMatchers(AdminPages.PAGE, AdminPages.PAGE + "/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(StaffAuthorities.SIGNED_IN),
                                AuthorityAuthorizationManager.hasRole("ADMINISTRATOR")))
                        .requestMatchers("/staff/**")
                        .hasAuthority(StaffAuthorities.SIGNED_IN)
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/staff/login")
                        .loginProcessingUrl("/staff/login")
                        .successHandler(signIns)
                        .failureHandler(signIns)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterAfter(new SessionLimits(settings, time, accounts), HeaderWriterFilter.class)
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    Authentication current = SecurityContextHolder.getContextHolderStrategy()
                            .getContext()
                            .getAuthentication();
                    if (current != null && StaffAuthorities.isPending(current)) {
                        // Half signed in: the only way on is the second step.
                        response.sendRedirect(request.getContextPath() + SignIns.CODE_STEP);
                        return;
                    }
                    forbidden.handle(request, response, e);
                }))
                .httpBasic(basic -> basic.disable())
                .csrf(Customizer.withDefaults());
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions ->
                        permissions.policy("camera=(), microphone=(), geolocation=(), interest-cohort=()"))
                .crossOriginOpenerPolicy(
                        coop -> coop.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
                .crossOriginResourcePolicy(corp ->
                        corp.policy(CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy.SAME_ORIGIN))
                // Sent only over TLS (the header writer's default), as RFC 6797 requires.
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
    }
}
