package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Ads through the API: a case worker records the child's phone on a case; an ad that spells the number
 * out in Russian words is screened, stored and matched, and the match is on the case's chronology;
 * malformed lines are named with their line numbers; a later batch links to stored ads through a
 * shared phone; nothing is stored twice; limits and scopes are enforced.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = {"qorgau.test.isolation=signals-ads", "qorgau.signals.max-ads-per-batch=5"})
class AdsIngestionIT {

    private static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private Http http;
    private Fixtures.Region region;
    private String caseWorker;
    private String monitor;
    private String caseId;
    private kz.qorgau.server.directory.StaffMember worker;

    @BeforeEach
    void aCaseAtTheSchool() {
        http = new Http(port);
        region = fixtures.region();
        worker = fixtures.staff(region.school(), Role.CASE_WORKER);
        caseWorker = fixtures.token(worker, "cases:read", "cases:write");
        monitor = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.NGO), Role.INTEGRATION), "signals:write");
        caseId = openCase(http, region, caseWorker);
    }

    /** Files a report naming the region's school and waits for its case. */
    static String openCase(Http http, Fixtures.Region region, String caseWorker) {
        Http.Response filed = http.postJson(
                "/api/v1/reports",
                Http.json(Map.of(
                        "childAge",
                        15,
                        "school",
                        "Школа № " + region.school().schoolNumber(),
                        "city",
                        region.city(),
                        "categories",
                        List.of("sexual-exploitation"),
                        "narrative",
                        "Девочку видели в объявлениях, она не ночует дома.",
                        "reporterRelation",
                        "parent",
                        "language",
                        "ru")));
        assertThat(filed.status()).isEqualTo(201);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/api/v1/cases", Fixtures.bearer(caseWorker))
                                .json()
                                .size()
                        > 0);
        return http.get("/api/v1/cases", Fixtures.bearer(caseWorker))
                .json()
                .get(0)
                .get("id")
                .asString();
    }

    private Http.Response post(String body, String token) {
        return http.post("/api/v1/signals/ads", NDJSON, body.getBytes(StandardCharsets.UTF_8), Fixtures.bearer(token));
    }

    private List<JsonNode> signalEntries(String source) {
        Http.Response chronology = http.get("/api/v1/cases/" + caseId + "/chronology", Fixtures.bearer(caseWorker));
        assertThat(chronology.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : chronology.json()) {
            if (entry.get("kind").asString().equals("signal.matched")
                    && entry.get("detail").get("source").asString().equals(source)) {
                out.add(entry);
            }
        }
        return out;
    }

    private static String ad(String id, String title, String text) {
        return Http.json(Map.of(
                "id",
                id,
                "source",
                "site-t",
                "url",
                "https://example.invalid/" + id,
                "postedAt",
                "2026-11-20T21:00:00+05:00",
                "city",
                "Qyzylorda",
                "title",
                title,
                "text",
                text));
    }

    @Test
    void aHandleAndANicknameRecordedOnTheCaseMatchAdsAndTheNicknameIsMarkedWeak() {
        String handle = "qtest_" + Long.toHexString(System.nanoTime());
        assertThat(http.postJson(
                                "/api/v1/cases/" + caseId + "/identifiers",
                                Http.json(java.util.Map.of("kind", "handle", "value", "@" + handle)),
                                Fixtures.bearer(caseWorker))
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson(
                                "/api/v1/cases/" + caseId + "/identifiers",
                                "{\"kind\":\"nickname\",\"value\":\"Айжулдызка\"}",
                                Fixtures.bearer(caseWorker))
                        .status())
                .isEqualTo(201);

        String batch = String.join(
                "\n",
                ad("h1", "Новенькая", "Досуг, встречи. Пиши в телеграм t.me/" + handle),
                ad("n1", "Айжулдызка", "Айжулдызка, встречи вечером, апартаменты"),
                "");
        JsonNode result = post(batch, monitor).json();
        assertThat(result.get("matches").asInt()).isEqualTo(2);

        JsonNode byHandle = null;
        JsonNode byNickname = null;
        for (JsonNode entry : signalEntries("ads")) {
            String ad = entry.get("detail").get("ad").get("id").asString();
            if (ad.equals("h1")) {
                byHandle = entry.get("detail");
            } else if (ad.equals("n1")) {
                byNickname = entry.get("detail");
            }
        }
        assertThat(byHandle).as("the ad with the handle is on the case").isNotNull();
        assertThat(byHandle.get("matched").get(0).get("kind").asString()).isEqualTo("handle");
        assertThat(byHandle.get("matched").get(0).get("weak").asBoolean()).isFalse();
        assertThat(byNickname).as("the ad with the nickname is on the case").isNotNull();
        assertThat(byNickname.get("matched").get(0).get("kind").asString()).isEqualTo("nickname");
        assertThat(byNickname.get("matched").get(0).get("weak").asBoolean()).isTrue();
        assertThat(byNickname.get("summary").asString()).contains("weak evidence");
    }

    @Test
    void anAdWithTheChildsPhoneSpelledOutInWordsGoesOnTheCasesChronology() {
        Http.Response recorded = http.postJson(
                "/api/v1/cases/" + caseId + "/identifiers",
                "{\"kind\":\"phone\",\"value\":\"8 777 675 37 37\"}",
                Fixtures.bearer(caseWorker));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("value").asString()).isEqualTo("+77776753737");

        String batch = String.join(
                "\n",
                ad(
                        "a1",
                        "Вика, Скрасим вечер",
                        "Вика. ещё учусь в школе, 9 класс. Скрасим вечер, апартаменты рядом с вокзалом, Кызылорда."
                                + " только вечером. пиши: восемь семь семь семь шесть семь пять три семь три семь"),
                "{\"id\": \"a2\", \"text\": ",
                ad("a3", "Репетитор", "Репетитор по математике для школьников 5-11 классов, звоните 8 701 111 22 33"),
                "");
        Http.Response response = post(batch, monitor);
        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("lines").asLong()).isEqualTo(3);
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("rejectedLines").asLong()).isEqualTo(1);
        assertThat(result.get("rejected").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(result.get("stored").asInt()).isEqualTo(2);
        assertThat(result.get("matches").asInt()).isEqualTo(1);
        assertThat(result.get("casesMatched").asInt()).isEqualTo(1);
        assertThat(result.toString()).doesNotContain(caseId);
        JsonNode flagged = result.get("flaggedAds");
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).get("id").asString()).isEqualTo("a1");
        String cluster = flagged.get(0).get("cluster").asString();

        List<JsonNode> entries = signalEntries("ads");
        assertThat(entries).hasSize(1);
        JsonNode detail = entries.getFirst().get("detail");
        assertThat(detail.get("ad").get("id").asString()).isEqualTo("a1");
        assertThat(detail.get("matched").get(0).get("kind").asString()).isEqualTo("phone");
        assertThat(detail.get("matched").get(0).get("value").asString()).isEqualTo("+77776753737");
        assertThat(detail.get("matched").get(0).get("quote").asString()).contains("восемь");
        assertThat(detail.get("minorRisk").get("flag").asBoolean()).isTrue();

        // The same batch again: nothing is stored or matched twice.
        JsonNode again = post(batch, monitor).json();
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("alreadyStored").asInt()).isEqualTo(2);
        assertThat(again.get("matches").asInt()).isZero();
        assertThat(signalEntries("ads")).hasSize(1);

        // A later batch, gzip-compressed in a multipart upload: an ad with the same number in digits is
        // linked to the stored one (same cluster) and matched.
        String later =
                ad("b1", "Новенькая", "Новенькая школьница, 9 класс, досуг и общение. Звони 8 777 675 37 37") + "\n";
        SignalSamples.Multipart upload = new SignalSamples.Multipart()
                .file("file", "ads.jsonl.gz", "application/gzip", SignalSamples.gzip(later));
        Http.Response linked =
                http.post("/api/v1/signals/ads", upload.contentType(), upload.bytes(), Fixtures.bearer(monitor));
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.json().get("stored").asInt()).isEqualTo(1);
        assertThat(linked.json().get("linkedStoredAds").asInt()).isEqualTo(1);
        assertThat(linked.json().get("flaggedAds").get(0).get("cluster").asString())
                .isEqualTo(cluster);
        assertThat(linked.json().get("matches").asInt()).isEqualTo(1);
        assertThat(signalEntries("ads")).hasSize(2);
    }

    @Test
    void anAdStoredBeforeThePhoneWasRecordedReachesTheCaseOnceWhenItIsRecorded() {
        // Tests share one database: this ad's phone and handle are used by no other test.
        Http.Response stored = post(
                ad(
                                "r1",
                                "Алина, 16",
                                "Алина, мне 16, ученица 10 класса. Встречи вечером. Звони 8 705 444 55 66 или t.me/alina_r1_q")
                        + "\n",
                monitor);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt()).isEqualTo(1);
        assertThat(stored.json().get("matches").asInt()).isZero();
        assertThat(signalEntries("ads")).isEmpty();

        String path = "/api/v1/cases/" + caseId + "/identifiers";
        Http.Response recorded =
                http.postJson(path, "{\"kind\":\"phone\",\"value\":\"+7 705 444-55-66\"}", Fixtures.bearer(caseWorker));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("matchedStored").asInt()).isEqualTo(1);

        List<JsonNode> entries = signalEntries("ads");
        assertThat(entries).hasSize(1);
        JsonNode detail = entries.getFirst().get("detail");
        assertThat(detail.get("summary").asString()).startsWith("Online ad screening: an ad shows this case's phone");
        assertThat(detail.get("ad").get("id").asString()).isEqualTo("r1");
        assertThat(detail.get("ad").get("source").asString()).isEqualTo("site-t");
        assertThat(detail.get("ad").get("url").asString()).isEqualTo("https://example.invalid/r1");
        assertThat(detail.get("ad").get("cluster").asString()).startsWith("C-");
        assertThat(detail.get("matched").get(0).get("kind").asString()).isEqualTo("phone");
        assertThat(detail.get("matched").get(0).get("value").asString()).isEqualTo("+77054445566");
        assertThat(detail.get("matched").get(0).get("quote").asString()).isEqualTo("+77054445566");
        assertThat(detail.get("matched").get(0).get("weak").asBoolean()).isFalse();
        assertThat(detail.get("minorRisk").get("flag").asBoolean()).isTrue();
        assertThat(detail.get("minorRisk").get("reasons")).isNotEmpty();
        assertThat(detail.get("note").asString()).contains("does not identify a person");
        // The case page says it in the reader's language (Russian when the browser names none).
        Http page = new Http(port);
        page.signIn(worker.login(), Fixtures.PASSWORD);
        assertThat(page.get("/staff/cases/" + caseId).body())
                .contains("Проверка объявлений: в объявлении есть записанное в этом деле — номер телефона.")
                .contains("https://example.invalid/r1")
                .doesNotContain("Online ad screening")
                .doesNotContain("matched 1 › kind");

        // The same phone again, and the same ad's handle: nothing more on the chronology.
        Http.Response again =
                http.postJson(path, "{\"kind\":\"phone\",\"value\":\"87054445566\"}", Fixtures.bearer(caseWorker));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("matchedStored").asInt()).isZero();
        Http.Response handle =
                http.postJson(path, "{\"kind\":\"handle\",\"value\":\"@alina_r1_q\"}", Fixtures.bearer(caseWorker));
        assertThat(handle.status()).isEqualTo(201);
        assertThat(handle.json().get("matchedStored").asInt()).isZero();
        assertThat(signalEntries("ads")).hasSize(1);
    }

    @Test
    void identifiersAreNormalisedCheckedAndOnlyForCasesTheCallerMaySee() {
        String path = "/api/v1/cases/" + caseId + "/identifiers";
        Http.Response handle = http.postJson(
                path, "{\"kind\":\"handle\",\"value\":\"https://t.me/Rose_4531\"}", Fixtures.bearer(caseWorker));
        assertThat(handle.status()).isEqualTo(201);
        assertThat(handle.json().get("value").asString()).isEqualTo("@rose_4531");
        Http.Response same =
                http.postJson(path, "{\"kind\":\"handle\",\"value\":\"@rose_4531\"}", Fixtures.bearer(caseWorker));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("id").asString())
                .isEqualTo(handle.json().get("id").asString());

        Http.Response badPhone =
                http.postJson(path, "{\"kind\":\"phone\",\"value\":\"12\"}", Fixtures.bearer(caseWorker));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.contentType()).startsWith("application/problem+json");
        assertThat(badPhone.json().get("field").asString()).isEqualTo("value");
        Http.Response badKind =
                http.postJson(path, "{\"kind\":\"email\",\"value\":\"x@y.z\"}", Fixtures.bearer(caseWorker));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("field").asString()).isEqualTo("kind");
        Http.Response account = http.postJson(
                path,
                "{\"kind\":\"bank-account\",\"value\":\"kz10 0000 0000 0000 0001\"}",
                Fixtures.bearer(caseWorker));
        assertThat(account.json().get("value").asString()).isEqualTo("KZ100000000000000001");

        Http.Response listed = http.get(path, Fixtures.bearer(caseWorker));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(2);

        String stranger = fixtures.token(
                fixtures.staff(fixtures.region().school(), Role.CASE_WORKER), "cases:read", "cases:write");
        assertThat(http.get(path, Fixtures.bearer(stranger)).status()).isEqualTo(404);
        assertThat(http.postJson(path, "{\"kind\":\"nickname\",\"value\":\"Вика\"}", Fixtures.bearer(stranger))
                        .status())
                .isEqualTo(404);
        String readOnly = fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read");
        assertThat(http.postJson(path, "{\"kind\":\"nickname\",\"value\":\"Вика\"}", Fixtures.bearer(readOnly))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theIdentifiersPageRecordsAndShowsARefusedValueBesideItsField() {
        // Tests share one database: each records identifiers no other test uses.
        kz.qorgau.server.directory.StaffMember member = fixtures.staff(region.school(), Role.CASE_WORKER);
        Http page = new Http(port);
        page.signIn(member.login(), Fixtures.PASSWORD);
        String path = "/staff/cases/" + caseId + "/identifiers";
        Http.Response form = page.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"identifier-form\"").contains("id=\"no-identifiers\"");
        Http.Response refused =
                page.postForm(path, Map.of("kind", "phone", "value", "12", "_csrf", Http.csrf(form.body())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"value-error\"");
        Http.Response recorded = page.postForm(
                path, Map.of("kind", "phone", "value", "8 701 765 43 21", "_csrf", Http.csrf(refused.body())));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.headers().firstValue("Location").orElse("")).endsWith(path);
        String shown = page.get(path).body();
        assertThat(shown).contains("+77017654321").contains("id=\"done\"");

        kz.qorgau.server.directory.StaffMember stranger =
                fixtures.staff(fixtures.region().school(), Role.CASE_WORKER);
        Http other = new Http(port);
        other.signIn(stranger.login(), Fixtures.PASSWORD);
        assertThat(other.get(path).status()).isEqualTo(404);
    }

    @Test
    void aTokenWithoutTheSignalsScopeIsRefused() {
        String casesOnly = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.NGO), Role.INTEGRATION), "cases:read");
        Http.Response refused = post(ad("x1", "", "text") + "\n", casesOnly);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/forbidden");
        assertThat(http.post("/api/v1/signals/ads", NDJSON, new byte[] {'{'}).status())
                .isEqualTo(401);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWholeAndNothingIsStored() {
        StringBuilder six = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            six.append(ad("big" + i, "", "Обычное объявление номер " + i)).append('\n');
        }
        Http.Response refused = post(six.toString(), monitor);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode five = post(six.substring(0, six.lastIndexOf("{\"")), monitor).json();
        assertThat(five.get("stored").asInt()).isEqualTo(5);
        assertThat(five.get("alreadyStored").asInt()).isZero();

        Http.Response garbage = http.post(
                "/api/v1/signals/ads", NDJSON, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, Fixtures.bearer(monitor));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
    }
}
