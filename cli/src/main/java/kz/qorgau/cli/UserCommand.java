package kz.qorgau.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.platform.FieldViolation;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.RuleViolationException;
import kz.qorgau.server.security.AccountAdministration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qorgau user …}: staff accounts without the web UI, on the database {@code serve} uses. Each
 * command starts the application without a web server, makes its change (recorded in the ledger as
 * done on the console) and stops. The embedded H2 database is used by one process at a time: stop the
 * server first, or use the admin API.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = {
            "Staff accounts: add, list, disable, enable.",
            "Database: as for 'serve' (QORGAU_DATA_DIR, or SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD).",
            "The embedded H2 database cannot be opened while a server uses it: stop it first."
        },
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ListUsers.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class
        })
final class UserCommand {

    /** Exit code when the input was refused (the message names the field). */
    static final int REFUSED = 1;
    /** Exit code when the command could not run (database unreachable, locked). */
    static final int FAILED = 2;

    /**
     * Runs {@code work} with the application's account administration, started without a web server;
     * maps refused input to exit 1 and a failure to start to exit 2, each with a message on stderr.
     */
    static int withAdministration(CommandSpec spec, Function<AccountAdministration, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        ConfigurableApplicationContext context;
        try {
            context = ServerLauncher.offline(
                    Map.of("qorgau.notify.dispatch-enabled", "false", "logging.level.root", "error"));
        } catch (RuntimeException e) {
            err.println("cannot open the database: " + rootMessage(e));
            err.println("(the embedded database is used by one process at a time: stop the server first,"
                    + " or use the admin API /api/v1/admin/…)");
            return FAILED;
        }
        try (context) {
            return work.apply(context.getBean(AccountAdministration.class));
        } catch (InvalidInputException e) {
            for (FieldViolation violation : e.violations()) {
                err.println(violation.field() + ": " + violation.message());
            }
            return REFUSED;
        } catch (RuleViolationException e) {
            err.println(e.getMessage());
            return REFUSED;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** {@code qorgau user add}. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Add a staff account. The password is read from standard input (one line; typed without echo",
                "on a terminal); when none is given, one is generated and printed once.",
                "Roles: intake-officer, case-worker, supervisor, oversight, administrator, integration.",
                "Oversight and administrators enrol a TOTP code at their first sign-in."
            })
    static final class Add implements Callable<Integer> {

        @Spec
        @Nullable
        CommandSpec spec;

        @Option(names = "--login", required = true, description = "2-64 lower-case letters, digits, '.', '_', '-'")
        String login = "";

        @Option(names = "--name", required = true, description = "the name staff and oversight see")
        String name = "";

        @Option(names = "--organisation", required = true, paramLabel = "CODE", description = "the organisation's code")
        String organisation = "";

        @Option(names = "--role", required = true, description = "the account's role (see above)")
        String role = "";

        @Option(names = "--email", description = "for notices to the organisation")
        @Nullable
        String email;

        @Option(names = "--generate-password", description = "do not read standard input; generate a password")
        boolean generate;

        /** Where the password is read from when not generated; tests replace it. */
        InputStream in = System.in;

        @Override
        public Integer call() {
            CommandSpec command = java.util.Objects.requireNonNull(spec);
            PrintWriter out = command.commandLine().getOut();
            PrintWriter err = command.commandLine().getErr();
            Role parsed;
            try {
                parsed = Role.fromCode(role);
            } catch (IllegalArgumentException unknown) {
                err.println("--role: unknown role '" + role + "'; use one of "
                        + java.util.Arrays.stream(Role.values()).map(Role::code).toList());
                return REFUSED;
            }
            String password;
            try {
                password = generate ? null : readPassword(err);
            } catch (IOException e) {
                err.println("cannot read the password from standard input: " + e.getMessage());
                return FAILED;
            }
            String chosen = password;
            return withAdministration(command, administration -> {
                AccountAdministration.Added added = administration.add(
                        login, name, organisation, parsed, email, chosen, AccountAdministration.CONSOLE);
                AccountAdministration.AccountView account = added.account();
                out.printf(
                        "added %s (%s, %s), id %s%n",
                        account.login(), account.role(), account.organisation(), account.id());
                if (added.generatedPassword() != null) {
                    out.println("password: " + added.generatedPassword() + "   (shown once; hand it over in person)");
                }
                if (account.secondFactorRequired()) {
                    out.println("this role signs in with a TOTP code: it is enrolled at the first sign-in");
                }
                return 0;
            });
        }

        /** The password typed or piped in, or {@code null} to generate one (nothing given). */
        private @Nullable String readPassword(PrintWriter err) throws IOException {
            Console console = System.console();
            if (console != null && isTerminal(console)) {
                char[] typed = console.readPassword("Password (Enter to generate one): ");
                return typed == null || typed.length == 0 ? null : new String(typed);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                return null;
            }
            err.println("password read from standard input");
            return line;
        }

        /** Console.isTerminal() exists from Java 22; before, a console was only there on a terminal. */
        private static boolean isTerminal(Console console) {
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException olderJava) {
                return true;
            }
        }
    }

    /** {@code qorgau user list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the staff accounts.")
    static final class ListUsers implements Callable<Integer> {

        @Spec
        @Nullable
        CommandSpec spec;

        @Override
        public Integer call() {
            CommandSpec command = java.util.Objects.requireNonNull(spec);
            PrintWriter out = command.commandLine().getOut();
            return withAdministration(command, administration -> {
                List<AccountAdministration.AccountView> accounts = administration.accounts();
                out.printf("%-24s %-15s %-28s %-8s %-9s %s%n", "login", "role", "organisation", "state", "2fa", "name");
                for (AccountAdministration.AccountView a : accounts) {
                    out.printf(
                            "%-24s %-15s %-28s %-8s %-9s %s%n",
                            a.login(),
                            a.role(),
                            a.organisation(),
                            a.enabled() ? "enabled" : "disabled",
                            a.secondFactor() + (a.secondFactorRequired() ? "*" : ""),
                            a.displayName());
                }
                out.println(accounts.size() + " accounts (* the role must sign in with a TOTP code)");
                return 0;
            });
        }
    }

    /** {@code qorgau user disable LOGIN}. */
    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disable an account: no sign-in, its sessions end, its tokens are refused.")
    static final class Disable implements Callable<Integer> {

        @Spec
        @Nullable
        CommandSpec spec;

        @Parameters(paramLabel = "LOGIN")
        String login = "";

        @Override
        public Integer call() {
            return setEnabled(java.util.Objects.requireNonNull(spec), login, false);
        }
    }

    /** {@code qorgau user enable LOGIN}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account.")
    static final class Enable implements Callable<Integer> {

        @Spec
        @Nullable
        CommandSpec spec;

        @Parameters(paramLabel = "LOGIN")
        String login = "";

        @Override
        public Integer call() {
            return setEnabled(java.util.Objects.requireNonNull(spec), login, true);
        }
    }

    private static int setEnabled(CommandSpec spec, String login, boolean enabled) {
        return withAdministration(spec, administration -> {
            var account = administration.accounts().stream()
                    .filter(a -> a.login().equals(login.trim().toLowerCase(Locale.ROOT)))
                    .findFirst();
            if (account.isEmpty()) {
                spec.commandLine().getErr().println("no account has the login " + login);
                return REFUSED;
            }
            administration.setEnabled(account.get().id(), enabled, AccountAdministration.CONSOLE, null);
            spec.commandLine()
                    .getOut()
                    .println(
                            (enabled ? "enabled " : "disabled ") + account.get().login());
            return 0;
        });
    }
}
