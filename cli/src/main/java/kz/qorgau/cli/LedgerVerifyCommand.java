package kz.qorgau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import kz.qorgau.ledger.audit.AuditResult;
import kz.qorgau.ledger.audit.CheckpointRecord;
import kz.qorgau.ledger.note.NoteSigner;
import kz.qorgau.ledger.note.NoteVerifier;
import kz.qorgau.server.audit.LedgerVerification;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qorgau ledger verify}: recomputes the Merkle tree from {@code ledger_entries}, checks every
 * stored checkpoint (and any given with {@code --checkpoint}) and exits 0 when the ledger is intact,
 * 1 naming the first bad index otherwise. Uses the same data-source settings as {@code serve}.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute the ledger from the database and check every stored checkpoint.",
            "Exit 0: intact. Exit 1: broken (the first bad index is named). Exit 2: could not run.",
            "Database: as for 'serve' (QORGAU_DATA_DIR, or SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD).",
            "The embedded H2 database cannot be opened while a server uses it: stop it first."
        })
final class LedgerVerifyCommand implements Callable<Integer> {

    @Spec
    @Nullable
    CommandSpec spec;

    @Option(
            names = "--checkpoint",
            paramLabel = "FILE",
            description = "a signed checkpoint held outside (e.g. by a witness) to check as well; repeatable")
    List<Path> checkpoints = new ArrayList<>();

    @Option(
            names = "--key",
            paramLabel = "VERIFIER-KEY",
            description = "the log's verifier key (name+id+key, as GET /api/v1/ledger/key prints) or a file holding it;"
                    + " default: derived from this deployment's signer key")
    @Nullable
    String key;

    /** Only what reading the database needs: no web server, no migrations, no schedulers. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DatabaseOnly {}

    @Override
    public Integer call() {
        PrintWriter out = spec == null
                ? new PrintWriter(System.out, true)
                : spec.commandLine().getOut();
        PrintWriter err = spec == null
                ? new PrintWriter(System.err, true)
                : spec.commandLine().getErr();
        List<CheckpointRecord> external = new ArrayList<>();
        for (Path file : checkpoints) {
            try {
                external.add(new CheckpointRecord(
                        "checkpoint file " + file, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatabaseOnly.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            Environment environment = context.getEnvironment();
            String origin = environment.getProperty("qorgau.ledger.origin", "qorgau.example.kz/ledger");
            NoteVerifier verifier = verifier(environment);
            AuditResult result =
                    LedgerVerification.verify(context.getBean(DataSource.class), origin, verifier, external);
            return switch (result) {
                case AuditResult.Intact intact -> {
                    out.printf(
                            "ledger intact: %d entries, root %s, %d checkpoints verified%n",
                            intact.size(), intact.root().toBase64(), intact.checkpointsVerified());
                    yield 0;
                }
                case AuditResult.Broken broken -> {
                    out.printf(
                            "ledger BROKEN%s: %s: %s%n",
                            broken.index().isPresent()
                                    ? " at index " + broken.index().getAsLong()
                                    : "",
                            broken.problem(),
                            broken.message());
                    yield 1;
                }
            };
        } catch (SQLException e) {
            err.println("cannot read the ledger: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private NoteVerifier verifier(Environment environment) throws IOException {
        if (key != null) {
            String text = Files.isRegularFile(Path.of(key))
                    ? Files.readString(Path.of(key)).trim()
                    : key.trim();
            return NoteVerifier.fromVerifierKey(text);
        }
        String signerKey = environment.getProperty("qorgau.ledger.signer-key");
        if (signerKey == null || signerKey.isBlank()) {
            Path file = Path.of(environment.getProperty("qorgau.data-dir", "./data"), "keys", "ledger-signer.key");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(
                        "no verifier key: pass --key (the text of GET /api/v1/ledger/key) or run where " + file
                                + " exists");
            }
            signerKey = Files.readString(file).trim();
        }
        return NoteSigner.fromSignerKey(signerKey.trim()).verifier();
    }
}
