package kz.qorgau.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import kz.qorgau.server.directory.ApiTokens;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.security.AccountAdministration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qorgau token …}: API tokens for integrations and scripts, on the database {@code serve}
 * uses. {@code create} prints the token alone on standard output (so that {@code TOKEN=$(qorgau token
 * create …)} works) and its details on standard error; it cannot be shown again.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "API tokens: create (shown once), list, revoke.",
            "Database: as for 'serve' (QORGAU_DATA_DIR, or SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD).",
            "The embedded H2 database cannot be opened while a server uses it: stop it first."
        },
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    /** {@code qorgau token create}. */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create an API token carrying the role of the account --login and the given scopes.",
                "Scopes: reports:write, cases:read, cases:write, signals:write, oversight:read (oversight only),",
                "ledger:read, admin (administrators only)."
            })
    static final class Create implements Callable<Integer> {

        @Spec
        @Nullable
        CommandSpec spec;

        @Option(names = "--login", required = true, description = "the account whose rights the token carries")
        String login = "";

        @Option(names = "--scopes", required = true, split = ",", paramLabel = "SCOPE", description = "comma-separated")
        List<String> scopes = new ArrayList<>();

        @Option(
                names = "--days",
                description = "validity in days, 1-3650 (default: ${DEFAULT-VALUE})",
                defaultValue = "90")
        int days;

        @Option(
                names = "--label",
                description = "what the token is for (default: ${DEFAULT-VALUE})",
                defaultValue = "cli")
        String label = "cli";

        @Override
        public Integer call() {
            CommandSpec command = java.util.Objects.requireNonNull(spec);
            PrintWriter out = command.commandLine().getOut();
            PrintWriter err = command.commandLine().getErr();
            if (days < 1 || days > 3650) {
                err.println("--days: must be between 1 and 3650");
                return UserCommand.REFUSED;
            }
            return UserCommand.withAdministration(command, administration -> {
                ApiTokens.IssuedToken issued = administration.issueToken(
                        login.trim(),
                        label,
                        new LinkedHashSet<>(scopes.stream().map(String::trim).toList()),
                        Duration.ofDays(days),
                        AccountAdministration.CONSOLE);
                out.println(issued.token());
                err.printf(
                        "token %s for %s, scopes %s, expires %s (shown once; revoke with 'qorgau token revoke %s')%n",
                        issued.id(), login.trim(), String.join(",", issued.scopes()), issued.expiresAt(), issued.id());
                return 0;
            });
        }
    }

    /** {@code qorgau token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {

        @Spec
        @Nullable
        CommandSpec spec;

        @Override
        public Integer call() {
            CommandSpec command = java.util.Objects.requireNonNull(spec);
            PrintWriter out = command.commandLine().getOut();
            return UserCommand.withAdministration(command, administration -> {
                List<ApiTokens.TokenView> tokens = administration.tokens();
                out.printf("%-36s %-20s %-8s %-20s %-40s %s%n", "id", "login", "state", "expires", "scopes", "label");
                for (ApiTokens.TokenView t : tokens) {
                    out.printf(
                            "%-36s %-20s %-8s %-20s %-40s %s%n",
                            t.id(),
                            t.ownerLogin(),
                            t.state().name().toLowerCase(java.util.Locale.ROOT),
                            t.expiresAt()
                                    .toString()
                                    .substring(
                                            0,
                                            Math.min(
                                                    19, t.expiresAt().toString().length())),
                            String.join(",", t.scopes()),
                            t.label());
                }
                out.println(tokens.size() + " tokens");
                return 0;
            });
        }
    }

    /** {@code qorgau token revoke ID}. */
    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a token: it is refused from then on (it stays listed, marked revoked).")
    static final class Revoke implements Callable<Integer> {

        @Spec
        @Nullable
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the token's id, as 'token create' and 'token list' print it")
        String id = "";

        @Override
        public Integer call() {
            CommandSpec command = java.util.Objects.requireNonNull(spec);
            UUID tokenId;
            try {
                tokenId = UUID.fromString(id.trim());
            } catch (IllegalArgumentException e) {
                command.commandLine().getErr().println("ID: not a token id (a UUID, as 'token list' prints it): " + id);
                return UserCommand.REFUSED;
            }
            return UserCommand.withAdministration(command, administration -> {
                try {
                    ApiTokens.TokenView token = administration.revokeToken(tokenId, AccountAdministration.CONSOLE);
                    command.commandLine().getOut().println("revoked " + token.id() + " (" + token.ownerLogin() + ")");
                    return 0;
                } catch (NotFoundException e) {
                    command.commandLine().getErr().println("no token has the id " + tokenId);
                    return UserCommand.REFUSED;
                }
            });
        }
    }
}
