package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.ReportView;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Key rotation through the admin API on a running server: reports filed before and after both read. */
@QorgauIntegrationTest
class KeyAdminApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    JdbcClient jdbc;

    private String file(String narrative) {
        Http.Response response = new Http(port)
                .postJson(
                        "/api/v1/reports", Http.json(Map.of("categories", List.of("neglect"), "narrative", narrative)));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("receipt").asString();
    }

    private byte[] sealedNarrative(UUID reportId) {
        return jdbc.sql("select narrative_sealed from report where id = ?")
                .param(reportId)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    private long ledgerEntries(String type) {
        return jdbc.sql("select count(*) from ledger_entries where entry_type = ?")
                .param(type)
                .query(Long.class)
                .single();
    }

    @Test
    void reportsFiledBeforeAndAfterARotationAreBothReadable() {
        StaffMember admin = fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR);
        String[] token = Fixtures.bearer(fixtures.token(admin, "admin"));
        Http http = new Http(port);
        long primaryBefore =
                http.get("/api/v1/admin/keys", token).json().get("primary").asLong();
        String before = file("Написано до смены ключа.");

        Http.Response rotated = http.post("/api/v1/admin/keys/rotate", "application/json", new byte[0], token);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        JsonNode keyset = rotated.json();
        long primaryAfter = keyset.get("primary").asLong();
        assertThat(primaryAfter)
                .isNotEqualTo(primaryBefore)
                .isEqualTo(keyset.get("changed").asLong());
        assertThat(keyset.get("keys").size()).isGreaterThanOrEqualTo(2);
        assertThat(keyset.toString()).doesNotContain("keyData").doesNotContain("value");
        String after = file("Написано после смены ключа.");

        ReportView old = reports.byReceipt(before).orElseThrow();
        ReportView fresh = reports.byReceipt(after).orElseThrow();
        assertThat(old.narrative()).isEqualTo("Написано до смены ключа.");
        assertThat(fresh.narrative()).isEqualTo("Написано после смены ключа.");
        assertThat(FieldCipher.keyIdOf(sealedNarrative(old.id()))).hasValue(primaryBefore);
        assertThat(FieldCipher.keyIdOf(sealedNarrative(fresh.id()))).hasValue(primaryAfter);
    }

    @Test
    void aKeyIsAddedThenPromotedInTwoPhases() {
        StaffMember admin = fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR);
        String[] token = Fixtures.bearer(fixtures.token(admin, "admin"));
        Http http = new Http(port);
        long primary =
                http.get("/api/v1/admin/keys", token).json().get("primary").asLong();

        long addedEntries = ledgerEntries("key.added");
        long promotedEntries = ledgerEntries("key.promoted");
        Http.Response added = http.post("/api/v1/admin/keys", "application/json", new byte[0], token);
        assertThat(added.status()).isEqualTo(201);
        assertThat(ledgerEntries("key.added"))
                .as("one ledger entry per key change")
                .isEqualTo(addedEntries + 1);
        long newKey = added.json().get("changed").asLong();
        assertThat(added.json().get("primary").asLong()).as("not primary yet").isEqualTo(primary);

        Http.Response promoted =
                http.post("/api/v1/admin/keys/" + newKey + "/primary", "application/json", new byte[0], token);
        assertThat(promoted.json().get("primary").asLong()).isEqualTo(newKey);
        assertThat(ledgerEntries("key.promoted")).isEqualTo(promotedEntries + 1);

        Http.Response unknown = http.post("/api/v1/admin/keys/1/primary", "application/json", new byte[0], token);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyAnAdministratorWithTheAdminScopeManagesKeys() {
        StaffMember oversight = fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT);
        StaffMember admin = fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR);
        Http http = new Http(port);

        Http.Response notAdmin = http.post(
                "/api/v1/admin/keys/rotate",
                "application/json",
                new byte[0],
                Fixtures.bearer(fixtures.token(oversight, "cases:read")));
        Http.Response unscoped = http.post(
                "/api/v1/admin/keys/rotate",
                "application/json",
                new byte[0],
                Fixtures.bearer(fixtures.token(admin, "cases:read")));
        Http.Response anonymous = http.post("/api/v1/admin/keys/rotate", "application/json", new byte[0]);

        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(unscoped.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(notAdmin.contentType()).startsWith("application/problem+json");
    }
}
