package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The security headers are on every response of every route. The routes are read from Spring MVC's
 * handler mappings, so a route added later is covered without touching this test; path variables are
 * filled with dummy values, and the headers are checked on whatever status comes back — for an
 * anonymous caller, a bearer token and a signed-in staff session.
 */
@QorgauIntegrationTest
class HeadersOnEveryRouteIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    private Set<Route> routes() {
        Set<Route> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    String path = concrete(pattern);
                    if (methods.isEmpty()) {
                        routes.add(new Route("GET", path));
                    }
                    methods.forEach(method -> routes.add(new Route(method.name(), path)));
                }
            }
        }
        routes.add(new Route("GET", "/actuator/health"));
        routes.add(new Route("GET", "/css/qorgau.css"));
        routes.add(new Route("GET", "/js/quick-exit.js"));
        routes.add(new Route("GET", "/no/such/page"));
        routes.add(new Route("GET", "/api/v1/no/such/thing"));
        return routes;
    }

    private static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = name.endsWith("id") ? UUID.randomUUID().toString() : name.contains("index") ? "0" : "x";
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/x").replace("/*", "/x");
    }

    private static void assertHeaders(SoftAssertions softly, String what, Http.Response response) {
        var headers = response.headers();
        softly.assertThat(headers.firstValue("Content-Security-Policy"))
                .as("CSP of %s (%d)", what, response.status())
                .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        softly.assertThat(headers.firstValue("X-Frame-Options"))
                .as("X-Frame-Options of %s", what)
                .hasValue("DENY");
        softly.assertThat(headers.firstValue("X-Content-Type-Options"))
                .as("X-Content-Type-Options of %s", what)
                .hasValue("nosniff");
        softly.assertThat(headers.firstValue("Referrer-Policy"))
                .as("Referrer-Policy of %s", what)
                .hasValue("no-referrer");
        softly.assertThat(headers.firstValue("Cache-Control").orElse(""))
                .as("Cache-Control of %s", what)
                .contains("no-store");
        softly.assertThat(headers.firstValue("Cross-Origin-Opener-Policy"))
                .as("COOP of %s", what)
                .hasValue("same-origin");
        softly.assertThat(headers.firstValue("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP: %s", what)
                .isEmpty();
        softly.assertThat(headers.allValues("Set-Cookie"))
                .as("cookies of %s", what)
                .allSatisfy(cookie -> assertThat(cookie).startsWith("QSESSION=").contains("HttpOnly"));
    }

    @Test
    void errorAskedForDirectlyIsNotFoundWhileRealErrorsStillShowTheirPage() {
        Http anonymous = new Http(port);

        Http.Response direct = anonymous.get("/error");
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.contentType()).startsWith("application/problem+json");
        assertThat(direct.headers().firstValue("Content-Security-Policy")).isPresent();

        // A missing static file is a real error, forwarded to /error by the container: its answer is
        // Spring Boot's error rendering, not the direct request's.
        Http.Response missing = anonymous.get("/css/no-such-file.css");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("There is nothing at /error.");
    }

    @Test
    void everyRouteSendsTheSecurityHeadersToEveryCaller() {
        Set<Route> routes = routes();
        assertThat(routes).as("routes found").hasSizeGreaterThan(20);
        assertThat(routes).contains(new Route("GET", "/api/v1/reporter/case"));

        StaffMember overseer = fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT);
        String token = fixtures.token(overseer, "cases:read", "cases:write", "oversight:read", "ledger:read");
        Http anonymous = new Http(port);
        Http bearer = new Http(port);
        Http staff = new Http(port);
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        SignInSteps.password(staff, lead.login(), Fixtures.PASSWORD);

        SoftAssertions softly = new SoftAssertions();
        List<String> seen = new ArrayList<>();
        for (Route route : routes) {
            String what = route.method() + " " + route.path();
            Http.Response response = switch (route.method()) {
                case "GET" -> anonymous.get(route.path());
                case "POST", "PUT", "PATCH", "DELETE" ->
                    anonymous.post(route.path(), "application/json", "{}".getBytes());
                default -> null;
            };
            if (response == null) {
                continue;
            }
            seen.add(what + " -> " + response.status());
            assertHeaders(softly, "anonymous " + what, response);
            // Every route, /error asked for directly included, answers garbage ids without a 500.
            int worst = 499;
            softly.assertThat(response.status())
                    .as("anonymous %s: never a 500", what)
                    .isLessThanOrEqualTo(worst);
            if (route.method().equals("GET")) {
                Http.Response withToken = bearer.get(route.path(), Fixtures.bearer(token));
                Http.Response signedIn = staff.get(route.path());
                assertHeaders(softly, "bearer " + what, withToken);
                assertHeaders(softly, "staff " + what, signedIn);
                softly.assertThat(withToken.status())
                        .as("bearer %s: never a 500", what)
                        .isLessThanOrEqualTo(worst);
                softly.assertThat(signedIn.status())
                        .as("staff %s: never a 500", what)
                        .isLessThanOrEqualTo(worst);
            }
        }
        System.out.println("[qorgau] header snapshot over " + seen.size() + " routes:\n  " + String.join("\n  ", seen));
        softly.assertAll();
    }

    @Test
    void aBodyRefusedForItsSizeCarriesTheSameHeaders() {
        byte[] large = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        Http.Response refused = new Http(port).post("/api/v1/reports", "application/json", large);
        assertThat(refused.status()).isEqualTo(413);
        SoftAssertions softly = new SoftAssertions();
        assertHeaders(softly, "413 of an oversized body", refused);
        softly.assertAll();
    }

    @Test
    void hstsIsSentOverTls() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(springSecurity())
                .build();
        for (String path : List.of("/staff/login", "/api/v1/ledger/checkpoint", "/css/qorgau.css")) {
            MockHttpServletResponse response =
                    mvc.perform(get(path).secure(true)).andReturn().getResponse();
            assertThat(response.getHeader("Strict-Transport-Security"))
                    .as("HSTS on %s over TLS", path)
                    .isEqualTo("max-age=31536000 ; includeSubDomains");
            MockHttpServletResponse plain = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(plain.getHeader("Strict-Transport-Security"))
                    .as("%s over plain HTTP", path)
                    .isNull();
        }
    }
}
