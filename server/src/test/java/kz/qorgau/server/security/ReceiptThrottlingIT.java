package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Guessing receipts is throttled on the reporter API and the reporter pages while right receipts keep
 * working. Its own context, since it spends the global budget of wrong receipts; the flood runs last.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = "qorgau.test.isolation=receipt-throttling")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceiptThrottlingIT {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @LocalServerPort
    int port;

    private final Random random = new Random(9457);

    private String randomReceipt() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return out.toString();
    }

    private String file(Http http) {
        Http.Response filed = http.postJson(
                "/api/v1/reports", "{\"categories\":[\"neglect\"],\"narrative\":\"A child is left alone for days.\"}");
        assertThat(filed.status()).isEqualTo(201);
        return filed.json().get("receipt").asString();
    }

    private static int follow(Http http, String receipt) {
        return http.get("/api/v1/reporter/case", "X-Receipt", receipt).status();
    }

    @Test
    @Order(1)
    void guessingTheRestOfAPartlySeenReceiptIsRefusedAfterFiveTriesAndOtherReportersAreNotSlowed() {
        Http http = new Http(port);
        String seen = file(http);
        String other = file(http);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(follow(http, seen.substring(0, 19) + randomReceipt().substring(19)));
        }
        assertThat(statuses.subList(0, 5)).containsOnly(404);
        assertThat(statuses.subList(5, 20)).containsOnly(429);

        Http.Response refused = http.get("/api/v1/reporter/case", "X-Receipt", seen);
        assertThat(refused.status()).as("the reporter under attack waits too").isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.json().get("type").asString())
                .isEqualTo("https://qorgau.kz/problems/too-many-receipt-attempts");

        assertThat(follow(http, other)).isEqualTo(200);
        assertThat(http.postJson("/api/v1/reporter/messages", "{\"body\":\"more information\"}", "X-Receipt", other)
                        .status())
                .isNotEqualTo(429);
    }

    @Test
    @Order(2)
    void theReporterPagesAreThrottledTheSameWay() {
        Http http = new Http(port);
        String seen = file(http);
        String other = file(http);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String csrf = Http.csrf(http.get("/follow").body());
            statuses.add(http.postForm(
                            "/follow",
                            Map.of("receipt", randomReceipt().substring(0, 10) + seen.substring(10), "_csrf", csrf))
                    .status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 8)).containsOnly(429);
        String csrf = Http.csrf(http.get("/follow").body());
        Http.Response waiting = http.postForm("/follow", Map.of("receipt", seen, "_csrf", csrf));
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.contentType()).startsWith("text/html");
        assertThat(waiting.body()).contains("id=\"too-many-attempts\"");
        assertThat(waiting.headers().firstValue("Content-Security-Policy")).isPresent();

        Http.Response opened = http.postForm("/follow", Map.of("receipt", other, "_csrf", csrf));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(SignInSteps.location(opened)).endsWith("/follow/case");
    }

    @Test
    @Order(3)
    void aHundredWrongReceiptsAreThrottledWhileARightReceiptStillWorks() {
        Http http = new Http(port);
        String right = file(http);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(follow(http, randomReceipt()));
        }
        assertThat(statuses.getFirst()).isEqualTo(404);
        assertThat(statuses).containsOnly(404, 429);
        int firstRefused = statuses.indexOf(429);
        assertThat(firstRefused).as("throttled after a threshold").isBetween(1, 60);
        // The budget refills one wrong receipt per second, so a few 404s may still slip in between.
        assertThat(statuses.subList(firstRefused, 100).stream()
                        .filter(s -> s == 429)
                        .count())
                .as("refused after the threshold: %s", statuses)
                .isGreaterThanOrEqualTo(30);
        assertThat(follow(http, right)).isEqualTo(200);
        assertThat(follow(http, "not even a receipt")).isEqualTo(429);
    }
}
