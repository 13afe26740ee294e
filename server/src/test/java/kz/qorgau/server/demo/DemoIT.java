package kz.qorgau.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code qorgau demo} gives a new user (the command sets {@code qorgau.demo.enabled} and the
 * credentials file on a fresh database): every organisation of the region with someone to sign in as,
 * a credentials file with passwords, working tokens and the second-factor secrets oversight needs, the
 * report form, and a school's inbox with the demo reports in it.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = {"qorgau.demo.enabled=true", "qorgau.test.isolation=demo"})
class DemoIT {

    private static final Path CREDENTIALS;

    static {
        try {
            CREDENTIALS = Files.createTempDirectory("qorgau-demo-it-").resolve("credentials.json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void credentialsFile(DynamicPropertyRegistry registry) {
        registry.add("qorgau.demo.credentials-out", CREDENTIALS::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void theDemoRegionHasSomeoneToSignInAsEverywhereAndItsReportsReachTheInbox() throws IOException {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(CREDENTIALS));
        JsonNode credentials = JsonMapper.builder().build().readTree(Files.readString(CREDENTIALS));
        assertThat(credentials.get("baseUrl").asString()).isEqualTo("http://localhost:" + port);
        JsonNode users = credentials.get("users");
        assertThat(users.size()).isEqualTo(DemoRegion.staff().size());

        Set<String> organisationsWithSomeone = new HashSet<>();
        for (JsonNode user : users) {
            organisationsWithSomeone.add(user.get("organisation").asString());
            assertThat(user.get("password").asString()).hasSizeGreaterThanOrEqualTo(16);
            assertThat(user.get("token").asString()).startsWith("qg_");
            String role = user.get("role").asString();
            boolean needsSecondFactor = role.equals("oversight") || role.equals("administrator");
            assertThat(user.get("totpSecret").isNull())
                    .as("second-factor secret of %s", user.get("login").asString())
                    .isEqualTo(!needsSecondFactor);
        }
        assertThat(organisationsWithSomeone)
                .as("every organisation of the demo region has someone to sign in as")
                .containsAll(DemoRegion.organisations().stream()
                        .map(Organisation::code)
                        .toList());

        Http anonymous = new Http(port);
        Http.Response form = anonymous.get("/report");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"narrative\"");

        JsonNode lead = null;
        for (JsonNode user : users) {
            if (user.get("login").asString().equals("school2.lead")) {
                lead = user;
            }
        }
        assertThat(lead).as("the school's safeguarding lead").isNotNull();
        String token = lead.get("token").asString();
        JsonNode cases = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> anonymous
                                .get("/api/v1/cases", Fixtures.bearer(token))
                                .json(),
                        list -> list.size() > 0);
        String reference = cases.get(0).get("reference").asString();

        Http signedIn = new Http(port);
        signedIn.signIn("school2.lead", lead.get("password").asString());
        Http.Response inbox = signedIn.get("/staff/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains(reference);

        // The two reports that name only the city (in Kazakh and in English) are on the city
        // education department's clock.
        String supervisor = null;
        for (JsonNode user : users) {
            if (user.get("login").asString().equals("education.supervisor")) {
                supervisor = user.get("token").asString();
            }
        }
        String educationToken = java.util.Objects.requireNonNull(supervisor);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> anonymous
                                .get("/api/v1/cases", Fixtures.bearer(educationToken))
                                .json()
                                .size(),
                        n -> n >= 2);
    }
}
