package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.SqlTime;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * API tokens are scoped, expiring and revocable; administrators list and disable accounts, reset second
 * factors and revoke tokens through the admin API and page; nobody else can.
 */
@QorgauIntegrationTest
class AccountsAndTokensIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SecondFactor secondFactor;

    @Autowired
    JdbcClient jdbc;

    private StaffMember admin() {
        return fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR);
    }

    private static List<JsonNode> list(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        response.json().forEach(out::add);
        return out;
    }

    @Test
    void aTokenOpensOnlyWhatItsScopesAllow() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        String readOnly = fixtures.token(lead, "cases:read");
        Http http = new Http(port);
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(readOnly)).status())
                .isEqualTo(200);
        Http.Response write = http.postJson(
                "/api/v1/cases/" + java.util.UUID.randomUUID() + "/risk",
                "{\"level\":\"high\",\"reason\":\"r\"}",
                Fixtures.bearer(readOnly));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("type").asString()).isEqualTo("https://qorgau.kz/problems/forbidden");
        String signalsOnly = fixtures.token(fixtures.staff(fixtures.school(), Role.INTEGRATION), "signals:write");
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(signalsOnly)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/oversight/stats", Fixtures.bearer(readOnly))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyTheRolesThatMayHoldAdminOrOversightScopesGetThem() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http http = new Http(port);
        String token = fixtures.token(admin(), "admin");
        Http.Response refused = http.postJson(
                "/api/v1/admin/tokens",
                Http.json(Map.of("login", lead.login(), "scopes", List.of("admin"), "days", 1)),
                Fixtures.bearer(token));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("integration accounts");
        // A signal upload answers how many cases it matched: only roles that see every case, or
        // machine accounts, may send them.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixtures.token(lead, "signals:write"))
                .hasMessageContaining("only for the roles integration or oversight");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixtures.token(lead, "admin"))
                .hasMessageContaining("only for the role administrator");
    }

    @Test
    void anAdministratorCannotIssueATokenThatReadsCasesAsAPerson() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        StaffMember commissioner = fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT);
        Http http = new Http(port);
        String adminToken = fixtures.token(admin(), "admin");
        long tokensBefore = tokenCount();
        for (StaffMember person : List.of(lead, commissioner)) {
            Http.Response refused = http.postJson(
                    "/api/v1/admin/tokens",
                    Http.json(Map.of("login", person.login(), "scopes", List.of("cases:read"), "days", 30)),
                    Fixtures.bearer(adminToken));
            assertThat(refused.status()).as(person.login()).isEqualTo(400);
            assertThat(refused.json().get("field").asString()).isEqualTo("login");
        }
        assertThat(tokenCount()).isEqualTo(tokensBefore);
    }

    private long tokenCount() {
        return jdbc.sql("select count(*) from api_token").query(Long.class).single();
    }

    @Test
    void anExpiredOrRevokedTokenIsRefusedAndTheAdministratorSeesWhich() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        StaffMember sync = fixtures.staff(fixtures.school(), Role.INTEGRATION);
        String adminToken = fixtures.token(admin(), "admin");
        Http http = new Http(port);

        Http.Response issued = http.postJson(
                "/api/v1/admin/tokens",
                Http.json(Map.of("login", sync.login(), "scopes", List.of("cases:read"), "days", 30, "label", "sync")),
                Fixtures.bearer(adminToken));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        String id = issued.json().get("id").asString();
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(token)).status()).isEqualTo(200);

        List<JsonNode> tokens = list(http.get("/api/v1/admin/tokens", Fixtures.bearer(adminToken)));
        JsonNode listed = tokens.stream()
                .filter(t -> t.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(listed.get("ownerLogin").asString()).isEqualTo(sync.login());
        assertThat(http.get("/api/v1/admin/tokens", Fixtures.bearer(adminToken)).body())
                .doesNotContain(token)
                .doesNotContain(token.substring(3));

        Http.Response revoked =
                http.postJson("/api/v1/admin/tokens/" + id + "/revoke", "{}", Fixtures.bearer(adminToken));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("state").asString()).isEqualTo("REVOKED");
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(token)).status()).isEqualTo(401);
        assertThat(http.postJson(
                                "/api/v1/admin/tokens/" + java.util.UUID.randomUUID() + "/revoke",
                                "{}",
                                Fixtures.bearer(adminToken))
                        .status())
                .isEqualTo(404);

        String expiring = fixtures.token(lead, "cases:read");
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(expiring)).status())
                .isEqualTo(200);
        jdbc.sql("update api_token set expires_at = ? where token_hash = ?")
                .params(SqlTime.bind(Instant.now().minusSeconds(1)), sha256(expiring))
                .update();
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(expiring)).status())
                .isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorWithTheAdminScopeManagesAccounts() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http http = new Http(port);
        String worker = fixtures.token(lead, "cases:read", "cases:write");
        String adminWithoutScope = fixtures.token(admin(), "cases:read");
        for (String token : List.of(worker, adminWithoutScope)) {
            assertThat(http.get("/api/v1/admin/users", Fixtures.bearer(token)).status())
                    .isEqualTo(403);
            assertThat(http.postJson("/api/v1/admin/users/" + lead.id() + "/disable", "{}", Fixtures.bearer(token))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(http.get("/api/v1/admin/users").status()).isEqualTo(401);
        // An administrator's token with case scopes still reads no case.
        assertThat(list(http.get("/api/v1/cases", Fixtures.bearer(adminWithoutScope))))
                .isEmpty();
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndTokensAndEnablingItRestoresSignIn() {
        StaffMember administrator = admin();
        String adminToken = fixtures.token(administrator, "admin");
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        String leadToken = fixtures.token(lead, "cases:read");
        Http page = new Http(port);
        SignInSteps.password(page, lead.login(), Fixtures.PASSWORD);
        assertThat(page.get("/staff/inbox").status()).isEqualTo(200);
        Http http = new Http(port);

        Http.Response disabled =
                http.postJson("/api/v1/admin/users/" + lead.id() + "/disable", "{}", Fixtures.bearer(adminToken));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        Http.Response ended = page.get("/staff/inbox");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(SignInSteps.location(ended)).endsWith("/staff/login?expired");
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(leadToken)).status())
                .isEqualTo(401);
        assertThat(SignInSteps.location(SignInSteps.password(new Http(port), lead.login(), Fixtures.PASSWORD)))
                .endsWith("/staff/login?error");

        assertThat(http.postJson("/api/v1/admin/users/" + lead.id() + "/enable", "{}", Fixtures.bearer(adminToken))
                        .status())
                .isEqualTo(200);
        assertThat(SignInSteps.location(SignInSteps.password(new Http(port), lead.login(), Fixtures.PASSWORD)))
                .endsWith("/staff/inbox");

        Http.Response self = http.postJson(
                "/api/v1/admin/users/" + administrator.id() + "/disable", "{}", Fixtures.bearer(adminToken));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("rule").asString()).isEqualTo("cannot-disable-yourself");
    }

    @Test
    void aMachineAccountWorksThroughItsTokensOnlyAndNeverSignsInToThePages() {
        StaffMember robot = fixtures.staff(fixtures.school(), Role.INTEGRATION);
        Http http = new Http(port);
        Http.Response answer = SignInSteps.password(http, robot.login(), Fixtures.PASSWORD);
        assertThat(SignInSteps.location(answer)).contains("error");
        assertThat(http.get("/staff/inbox").status()).isEqualTo(302);
        String token = fixtures.token(robot, "cases:read");
        assertThat(http.get("/api/v1/cases", Fixtures.bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void anAccountThatWouldSeeEveryCaseCannotBeCreatedInASchool() {
        String adminToken = fixtures.token(admin(), "admin");
        Http http = new Http(port);
        String school = fixtures.school().code();
        long accounts =
                jdbc.sql("select count(*) from staff_user").query(Long.class).single();
        for (String role : List.of("oversight", "intake-officer", "administrator")) {
            Http.Response refused = http.postJson(
                    "/api/v1/admin/users",
                    Http.json(Map.of(
                            "login",
                            "x" + Long.toHexString(System.nanoTime()),
                            "displayName",
                            "Not Allowed",
                            "organisation",
                            school,
                            "role",
                            role)),
                    Fixtures.bearer(adminToken));
            assertThat(refused.status()).as(role).isEqualTo(400);
            assertThat(refused.json().get("field").asString()).isEqualTo("role");
        }
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single())
                .isEqualTo(accounts);
    }

    @Test
    void anAdministratorCreatesAnAccountAndResetsALostSecondFactor() {
        String adminToken = fixtures.token(admin(), "admin");
        Http http = new Http(port);
        String login = "new" + Long.toHexString(System.nanoTime());
        Http.Response created = http.postJson(
                "/api/v1/admin/users",
                Http.json(Map.of(
                        "login",
                        login,
                        "displayName",
                        "New Commissioner Staff",
                        "organisation",
                        fixtures.organisation(OrganisationKind.COMMISSIONER).code(),
                        "role",
                        "oversight")),
                Fixtures.bearer(adminToken));
        assertThat(created.status()).isEqualTo(201);
        String password = created.json().get("generatedPassword").asString();
        assertThat(password).hasSize(20);
        JsonNode account = created.json().get("account");
        assertThat(account.get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(account.get("secondFactor").asString()).isEqualTo("none");

        StaffMember member = new StaffMember(
                java.util.UUID.fromString(account.get("id").asString()),
                login,
                "New Commissioner Staff",
                account.get("organisation").asString(),
                OrganisationKind.COMMISSIONER,
                Role.OVERSIGHT);
        secondFactor.enrolConfirmed(member);
        JsonNode listed = list(http.get("/api/v1/admin/users", Fixtures.bearer(adminToken))).stream()
                .filter(u -> u.get("login").asString().equals(login))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("secondFactor").asString()).isEqualTo("enrolled");

        Http.Response reset = http.postJson(
                "/api/v1/admin/users/" + member.id() + "/second-factor/reset", "{}", Fixtures.bearer(adminToken));
        assertThat(reset.json().get("secondFactor").asString()).isEqualTo("none");
        Http signIn = new Http(port);
        assertThat(SignInSteps.location(SignInSteps.password(signIn, login, password)))
                .endsWith("/staff/login/enrol");
    }

    @Test
    void theAdminPageListsAccountsAndTokensAndRevokesForAnAdministratorOnly() {
        StaffMember administrator = admin();
        SecondFactor.Enrolment enrolment = secondFactor.enrolConfirmed(administrator);
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        String leadToken = fixtures.token(lead, "cases:read");
        String tokenId = jdbc.sql("select id from api_token where token_hash = ?")
                .param(sha256(leadToken))
                .query(String.class)
                .single();

        Http http = new Http(port);
        assertThat(SignInSteps.location(SignInSteps.password(http, administrator.login(), Fixtures.PASSWORD)))
                .endsWith("/staff/login/code");
        assertThat(SignInSteps.location(SignInSteps.code(http, "/staff/login/code", enrolment.codeAt(Instant.now()))))
                .endsWith("/staff/inbox");
        Http.Response page = http.get("/staff/admin");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"account-" + lead.login() + "\"")
                .contains("id=\"token-" + tokenId + "\"");

        Http.Response revoked =
                http.postForm("/staff/admin/tokens/" + tokenId + "/revoke", Map.of("_csrf", Http.csrf(page.body())));
        assertThat(SignInSteps.location(revoked)).endsWith("/staff/admin");
        assertThat(new Http(port)
                        .get("/api/v1/cases", Fixtures.bearer(leadToken))
                        .status())
                .isEqualTo(401);

        Http worker = new Http(port);
        SignInSteps.password(worker, lead.login(), Fixtures.PASSWORD);
        assertThat(worker.get("/staff/admin").status()).isEqualTo(403);
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
