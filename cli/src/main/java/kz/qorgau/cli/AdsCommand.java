package kz.qorgau.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.signals.ads.AdClusters;
import kz.qorgau.signals.ads.AdJson;
import kz.qorgau.signals.ads.AdLine;
import kz.qorgau.signals.ads.AdLinker;
import kz.qorgau.signals.ads.AdReader;
import kz.qorgau.signals.ads.AdScreener;
import kz.qorgau.signals.ads.IgnoredContact;
import kz.qorgau.signals.ads.IndicatorSet;
import kz.qorgau.signals.ads.ScreenedAd;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code qorgau ads …}: Online exploitation screening of ads (JSON lines). */
@Command(
        name = "ads",
        mixinStandardHelpOptions = true,
        description = "Online exploitation screening of ads (JSON lines).",
        subcommands = {AdsScreenCommand.class, AdsClustersCommand.class})
final class AdsCommand {

    /** Exit code when some lines were rejected (and named on standard error); the rest was processed. */
    static final int LINES_REJECTED = 1;

    /** Exit code when the input or an option could not be used at all. */
    static final int UNREADABLE = 2;

    private static final int MAX_PRINTED_REJECTIONS = 1000;

    /** What both subcommands do first: read, screen and link the ads of one file. */
    static final class Batch {
        final List<ScreenedAd> screened = new ArrayList<>();
        long rejected;

        @Nullable
        AdClusters clusters;

        /**
         * Reads {@code file} ("-" for standard input), printing rejected lines to {@code err}, screens
         * and links the ads.
         *
         * @return null, after printing why, if the input or an option could not be used
         */
        static @Nullable Batch run(String file, @Nullable Path indicators, int maxAdsPerContact, PrintWriter err) {
            AdScreener screener;
            AdLinker linker;
            try {
                screener = indicators == null ? AdScreener.standard() : AdScreener.using(IndicatorSet.load(indicators));
                linker = AdLinker.with(AdLinker.Settings.defaults().withMaxAdsPerContact(maxAdsPerContact));
            } catch (NoSuchFileException e) {
                err.println("qorgau ads: indicator file not found: " + e.getFile());
                return null;
            } catch (IOException | IllegalArgumentException e) {
                err.println("qorgau ads: " + e.getMessage());
                return null;
            }
            Batch batch = new Batch();
            try (Reader in = open(file)) {
                AdReader.standard().read(in, line -> {
                    switch (line) {
                        case AdLine.Accepted a -> {
                            batch.screened.add(screener.screen(a.ad()));
                        }
                        case AdLine.Rejected r -> {
                            batch.rejected++;
                            if (batch.rejected <= MAX_PRINTED_REJECTIONS) {
                                err.println(file + ": " + r);
                            }
                        }
                    }
                });
            } catch (NoSuchFileException e) {
                err.println("qorgau ads: file not found: " + e.getFile());
                return null;
            } catch (IOException e) {
                err.println("qorgau ads: cannot read " + file + ": " + e.getMessage());
                return null;
            }
            if (batch.rejected > MAX_PRINTED_REJECTIONS) {
                err.println(file + ": " + (batch.rejected - MAX_PRINTED_REJECTIONS) + " more rejected lines not shown");
            }
            batch.clusters = linker.link(
                    batch.screened.stream().map(ScreenedAd::linkable).toList());
            for (IgnoredContact c : batch.clusters.ignored()) {
                err.println(
                        "ignored " + c.kind() + " " + c.value() + ": " + AdJson.describe(c, batch.clusters.settings()));
            }
            return batch;
        }

        AdClusters clusters() {
            if (clusters == null) {
                throw new IllegalStateException("the batch was not linked");
            }
            return clusters;
        }

        int exitCode() {
            return rejected > 0 ? LINES_REJECTED : 0;
        }

        private static Reader open(String file) throws IOException {
            if (file.equals("-")) {
                return new InputStreamReader(System.in, StandardCharsets.UTF_8);
            }
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        }
    }
}
