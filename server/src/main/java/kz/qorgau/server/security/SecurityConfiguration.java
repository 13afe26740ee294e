package kz.qorgau.server.security;

import kz.qorgau.server.directory.ApiTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the JSON API under {@code /api/**} (stateless, bearer tokens, problem+json
 * refusals, no CSRF because no cookie authenticates it) and the pages (form login for staff, CSRF
 * protection, session rotation on login). Both send the same strict headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere; nothing from third parties. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

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
                        .hasRole("OVERSIGHT")
                        .requestMatchers("/api/v1/simulation/**")
                        .hasRole("ADMINISTRATOR")
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
    SecurityFilterChain pages(HttpSecurity http, StaffAuthenticationProvider staff) throws Exception {
        http.authenticationProvider(staff)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/staff/login", "/staff/login/**")
                        .permitAll()
                        .requestMatchers("/staff/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/staff/login")
                        .loginProcessingUrl("/staff/login")
                        .defaultSuccessUrl("/staff/inbox", true)
                        .failureUrl("/staff/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
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
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
    }
}
