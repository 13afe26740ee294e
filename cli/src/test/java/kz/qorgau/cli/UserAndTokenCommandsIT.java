package kz.qorgau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.directory.ApiTokens;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import picocli.CommandLine;

/**
 * {@code qorgau user …} and {@code qorgau token …} on a real embedded database: accounts added with a
 * piped or a generated password, listed, disabled; tokens created (printed once, alone on stdout),
 * listed and revoked; refused input named with exit code 1. What the commands did is checked through
 * the server's own services.
 */
class UserAndTokenCommandsIT {

    private static Path dataDir;
    private static final String SCHOOL = "cli-school-1";

    @BeforeAll
    static void anEmptyDatabaseWithOneSchool() throws Exception {
        dataDir = Files.createTempDirectory("qorgau-users-");
        System.setProperty("qorgau.data-dir", dataDir.toString());
        try (ConfigurableApplicationContext context = ServerLauncher.offline(Map.of())) {
            context.getBean(Directory.class)
                    .add(new Organisation(
                            SCHOOL,
                            OrganisationKind.SCHOOL,
                            "1 мектеп",
                            "Школа № 1",
                            "School No. 1",
                            "cli",
                            "Town",
                            1,
                            null,
                            null));
            context.getBean(Directory.class)
                    .add(new Organisation(
                            "cli-admin",
                            OrganisationKind.ADMINISTRATION,
                            "Әкімші",
                            "Администратор",
                            "Administration",
                            "cli",
                            null,
                            null,
                            null,
                            null));
        }
    }

    @AfterAll
    static void forgetTheDataDirectory() {
        System.clearProperty("qorgau.data-dir");
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new QorgauCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        if (stdin != null) {
            CommandLine add =
                    command.getSubcommands().get("user").getSubcommands().get("add");
            ((UserCommand.Add) add.getCommand()).in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return new Run(command.execute(args), out.toString(), err.toString());
    }

    @Test
    void anAccountIsAddedWithThePipedPasswordAndATokenForItIsCreatedListedAndRevoked() {
        Run added = run(
                "a piped password of some length\n",
                "user",
                "add",
                "--login",
                "school.lead",
                "--name",
                "Айгүл Сейітова",
                "--organisation",
                SCHOOL,
                "--role",
                "case-worker",
                "--email",
                "lead@school.example.kz");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("added school.lead (case-worker, " + SCHOOL + ")");
        assertThat(added.out()).doesNotContain("password:");

        Run created = run(
                null,
                "token",
                "create",
                "--login",
                "school.lead",
                "--scopes",
                "cases:read,cases:write",
                "--days",
                "30",
                "--label",
                "sync");
        assertThat(created.exit()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).startsWith("qg_").doesNotContain("\n");
        Matcher id = Pattern.compile("token ([0-9a-f-]{36}) for school.lead").matcher(created.err());
        assertThat(id.find()).as(created.err()).isTrue();

        Run listed = run(null, "token", "list");
        assertThat(listed.out())
                .contains(id.group(1))
                .contains("active")
                .contains("cases:read,cases:write")
                .doesNotContain(token);
        Run users = run(null, "user", "list");
        assertThat(users.out()).contains("school.lead").contains("case-worker").contains("Айгүл Сейітова");

        try (ConfigurableApplicationContext context = ServerLauncher.offline(Map.of())) {
            StaffAccounts.Credentials credentials = context.getBean(StaffAccounts.class)
                    .credentials("school.lead")
                    .orElseThrow();
            assertThat(context.getBean(PasswordEncoder.class)
                            .matches("a piped password of some length", credentials.passwordHash()))
                    .isTrue();
            assertThat(context.getBean(ApiTokens.class).authenticate(token)).isPresent();
        }

        Run revoked = run(null, "token", "revoke", id.group(1));
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoked " + id.group(1));
        try (ConfigurableApplicationContext context = ServerLauncher.offline(Map.of())) {
            assertThat(context.getBean(ApiTokens.class).authenticate(token)).isEmpty();
        }
        assertThat(run(null, "token", "list").out()).contains("revoked");
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndPrintedOnceAndAnAdministratorIsToldAboutTheCode() {
        Run added = run(
                "",
                "user",
                "add",
                "--login",
                "ops.admin",
                "--name",
                "Operations",
                "--organisation",
                "cli-admin",
                "--role",
                "administrator");
        assertThat(added.exit()).as(added.err()).isZero();
        Matcher password = Pattern.compile("password: (\\S{20}) ").matcher(added.out());
        assertThat(password.find()).as(added.out()).isTrue();
        assertThat(added.out()).contains("TOTP");

        Run disabled = run(null, "user", "disable", "ops.admin");
        assertThat(disabled.exit()).isZero();
        assertThat(run(null, "user", "list").out())
                .containsPattern("ops\\.admin\\s+administrator\\s+cli-admin\\s+disabled");
    }

    @Test
    void refusedInputIsNamedAndExitsWithOne() {
        Run unknownOrganisation = run(
                "a piped password of some length\n",
                "user",
                "add",
                "--login",
                "x.y",
                "--name",
                "X",
                "--organisation",
                "no-such-org",
                "--role",
                "case-worker");
        assertThat(unknownOrganisation.exit()).isEqualTo(1);
        assertThat(unknownOrganisation.err()).contains("organisation").contains("no-such-org");

        Run unknownRole =
                run("", "user", "add", "--login", "x.y", "--name", "X", "--organisation", SCHOOL, "--role", "janitor");
        assertThat(unknownRole.exit()).isEqualTo(1);
        assertThat(unknownRole.err()).contains("--role");

        run(
                "a piped password of some length\n",
                "user",
                "add",
                "--login",
                "plain.worker",
                "--name",
                "W",
                "--organisation",
                SCHOOL,
                "--role",
                "case-worker");
        Run adminScope = run(null, "token", "create", "--login", "plain.worker", "--scopes", "admin");
        assertThat(adminScope.exit()).isEqualTo(1);
        assertThat(adminScope.err()).contains("only for the role administrator");
        assertThat(adminScope.out()).isEmpty();

        Run notAnId = run(null, "token", "revoke", "not-an-id");
        assertThat(notAnId.exit()).isEqualTo(1);
        Run unknownId = run(null, "token", "revoke", UUID.randomUUID().toString());
        assertThat(unknownId.exit()).isEqualTo(1);
        assertThat(unknownId.err()).contains("no token");
    }
}
