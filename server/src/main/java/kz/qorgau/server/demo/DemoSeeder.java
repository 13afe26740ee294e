package kz.qorgau.server.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.qorgau.server.directory.ApiTokens;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Category;
import kz.qorgau.server.intake.Channel;
import kz.qorgau.server.intake.Intake;
import kz.qorgau.server.intake.NewReport;
import kz.qorgau.server.intake.ReporterRelation;
import kz.qorgau.server.security.SecondFactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo region once the server is up: organisations, one or more staff per organisation with
 * random passwords and an API token each, and a few reports filed through the real intake. Then it
 * prints the logins and writes them to the credentials file, last, so that a script can wait for the
 * file to know the server is ready.
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final DemoProperties properties;
    private final Directory directory;
    private final StaffAccounts accounts;
    private final ApiTokens tokens;
    private final Intake intake;
    private final SecondFactor secondFactor;
    private final SecureRandom random = new SecureRandom();

    DemoSeeder(
            DemoProperties properties,
            Directory directory,
            StaffAccounts accounts,
            ApiTokens tokens,
            Intake intake,
            SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.properties = properties;
        this.directory = directory;
        this.accounts = accounts;
        this.tokens = tokens;
        this.intake = intake;
    }

    /**
     * One demo persona.
     *
     * @param totpSecret for roles that must use a second factor (oversight, administrator): the
     *     enrolled TOTP secret (RFC 6238, base32), so that a person adds it to an authenticator app and
     *     a script computes codes; null for the others
     */
    record Login(
            String login,
            String password,
            String token,
            String organisation,
            String role,
            @org.jspecify.annotations.Nullable String totpSecret,
            @org.jspecify.annotations.Nullable String totpUri) {}

    @EventListener(ApplicationReadyEvent.class)
    void seed(ApplicationReadyEvent ready) {
        if (!properties.enabled()) {
            return;
        }
        if (directory.organisation("kzo-school-1").isPresent()) {
            log.info("demo: the demo region is already seeded; not seeding again");
            return;
        }
        DemoRegion.organisations().forEach(directory::add);
        List<Login> logins = new ArrayList<>();
        for (DemoRegion.Staff staff : DemoRegion.staff()) {
            String password = password();
            StaffMember member = accounts.add(new StaffAccounts.NewStaff(
                    staff.login(), staff.displayName(), staff.organisation(), staff.role(), password, null));
            ApiTokens.IssuedToken token = tokens.issue(member.id(), "demo", staff.scopes(), Duration.ofDays(30));
            SecondFactor.Enrolment totp = secondFactor.required(member) ? secondFactor.enrolConfirmed(member) : null;
            logins.add(new Login(
                    staff.login(),
                    password,
                    token.token(),
                    staff.organisation(),
                    staff.role().code(),
                    totp == null ? null : totp.secret(),
                    totp == null ? null : totp.uri()));
        }
        fileExampleReports();
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        print(logins, port, System.out);
        if (properties.credentialsOut() != null) {
            write(logins, properties.credentialsOut(), port);
        }
    }

    private void fileExampleReports() {
        intake.file(
                NewReport.about(
                        15,
                        "Школа № 2",
                        "Кызылорда",
                        Set.of(Category.BULLYING),
                        "Одноклассники каждый день отбирают у мальчика деньги и снимают это на телефон.",
                        "с сентября",
                        ReporterRelation.FRIEND_OR_CLASSMATE,
                        Locale.forLanguageTag("ru"),
                        Channel.WEB),
                null);
        intake.file(
                NewReport.about(
                        12,
                        null,
                        "Қызылорда",
                        Set.of(Category.NEGLECT),
                        "Көршінің балалары бірнеше күн бойы үйде жалғыз қалады, тамақ жоқ.",
                        "бір апта",
                        ReporterRelation.NEIGHBOUR,
                        Locale.forLanguageTag("kk"),
                        Channel.WEB),
                null);
        intake.file(
                NewReport.about(
                        14,
                        null,
                        "Kyzylorda",
                        Set.of(Category.ONLINE_HARM),
                        "Caller (the child) says an adult she met in a game asks for photos and threatens to post"
                                + " earlier ones.",
                        "two weeks",
                        ReporterRelation.CHILD_SELF,
                        Locale.ENGLISH,
                        Channel.HELPLINE),
                null);
    }

    private String password() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    private void print(List<Login> logins, int port, PrintStream out) {
        out.println();
        out.println("Qorgau demo is running at http://localhost:" + port + "/  (staff sign-in: /staff/login)");
        out.println("Simulation clock enabled: POST /api/v1/simulation/clock {\"advance\":\"P3D\"} as admin.");
        out.printf("%-22s %-21s %-22s %s%n", "login", "password", "organisation", "role");
        for (Login login : logins) {
            Organisation organisation =
                    directory.organisation(login.organisation()).orElseThrow();
            out.printf(
                    "%-22s %-21s %-22s %s (%s)%s%n",
                    login.login(),
                    login.password(),
                    login.organisation(),
                    login.role(),
                    organisation.nameEn(),
                    login.totpSecret() == null ? "" : "  TOTP secret " + login.totpSecret());
        }
        out.println();
    }

    private static void write(List<Login> logins, Path file, int port) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("baseUrl", "http://localhost:" + port);
        document.put("users", logins);
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path temp = Files.createTempFile(absolute.getParent(), ".credentials", ".json");
            Files.writeString(
                    temp,
                    JsonMapper.builder()
                            .build()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(document),
                    StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("demo: credentials written to {}", absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo credentials to " + file, e);
        }
    }
}
