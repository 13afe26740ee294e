package kz.qorgau.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.qorgau.signals.ads.AdCluster;
import kz.qorgau.signals.ads.AdClusters;
import kz.qorgau.signals.ads.AdJson;
import kz.qorgau.signals.ads.ScreenedAd;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code qorgau ads clusters FILE}: links ads (JSON lines) into clusters — probable operators — and
 * writes one JSON line per cluster with its ads, contacts, cities, time span, the evidence of every
 * link, and which of its ads are flagged for review.
 */
@Command(
        name = "clusters",
        mixinStandardHelpOptions = true,
        description = {
            "Links ads that share a phone, a handle, a picture or a near-duplicate text into clusters (probable"
                    + " operators) and writes one JSON line per cluster, largest first, with the evidence of each link.",
            "One shared phone number is a link, not an identification."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every line was read",
            "1:some lines were rejected (named on standard error); the rest were linked",
            "2:the input or the indicator file could not be read"
        })
final class AdsClustersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Ads as JSON lines; - for standard input.")
    String file = "-";

    @Option(
            names = "--min-size",
            paramLabel = "N",
            defaultValue = "2",
            description = "Write clusters of at least N ads (default: ${DEFAULT-VALUE}; 1 writes every ad).")
    int minSize = 2;

    @Option(
            names = "--indicators",
            paramLabel = "FILE",
            description = "Indicator file (CSV) for the flags; by default the shipped minor-indicators.csv.")
    @Nullable
    Path indicators;

    @Option(
            names = "--max-ads-per-contact",
            paramLabel = "N",
            defaultValue = "500",
            description = "A phone, handle or picture found in more ads than this is not used to link ads"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxAdsPerContact = 500;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minSize < 1 || maxAdsPerContact < 2) {
            err.println("qorgau ads clusters: --min-size must be at least 1 and --max-ads-per-contact at least 2");
            return AdsCommand.UNREADABLE;
        }
        AdsCommand.Batch batch = AdsCommand.Batch.run(file, indicators, maxAdsPerContact, err);
        if (batch == null) {
            return AdsCommand.UNREADABLE;
        }
        Map<String, ScreenedAd> byId = new HashMap<>();
        batch.screened.forEach(s -> byId.put(s.id(), s));
        AdClusters clusters = batch.clusters();
        int written = 0;
        for (AdCluster cluster : clusters.clusters(minSize)) {
            ObjectNode node = AdJson.cluster(cluster);
            ArrayNode flagged = node.putArray("flaggedAds");
            for (String id : cluster.adIds()) {
                ScreenedAd ad = byId.get(id);
                if (ad != null && ad.minorRisk().flag()) {
                    flagged.add(id);
                }
            }
            out.println(AdJson.line(node));
            written++;
        }
        out.flush();
        err.printf(
                Locale.ROOT,
                "%d ads linked into %d clusters of %d or more ads (largest %d), %d lines rejected%n",
                batch.screened.size(),
                written,
                minSize,
                clusters.largest(),
                batch.rejected);
        return batch.exitCode();
    }
}
