package kz.qorgau.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.qorgau.signals.ads.AdClusters;
import kz.qorgau.signals.ads.AdJson;
import kz.qorgau.signals.ads.ScreenedAd;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qorgau ads screen FILE}: screens ads (JSON lines) and writes one JSON line per ad, in
 * input order, with its phones (E.164), handles, stated ages, explained minor-risk score and
 * cluster. Rejected lines go to standard error with their line numbers.
 */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = {
            "Screens ads (JSON lines: id, source, url, postedAt, city, title, text, images) and writes one JSON"
                    + " line per ad: phones (E.164), handles, stated ages, the minor-risk score with the rules and"
                    + " words behind it, and the cluster of linked ads.",
            "A flag asks a person to review the ad; it is never a finding."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every line was screened",
            "1:some lines were rejected (named on standard error); the rest were screened",
            "2:the input or the indicator file could not be read"
        })
final class AdsScreenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Ads as JSON lines; - for standard input.")
    String file = "-";

    @Option(
            names = "--indicators",
            paramLabel = "FILE",
            description = "Indicator file (CSV) replacing the shipped minor-indicators.csv; see docs/ads-screening.md.")
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
        if (maxAdsPerContact < 2) {
            err.println("qorgau ads screen: --max-ads-per-contact must be at least 2");
            return AdsCommand.UNREADABLE;
        }
        AdsCommand.Batch batch = AdsCommand.Batch.run(file, indicators, maxAdsPerContact, err);
        if (batch == null) {
            return AdsCommand.UNREADABLE;
        }
        AdClusters clusters = batch.clusters();
        int flagged = 0;
        for (int i = 0; i < batch.screened.size(); i++) {
            ScreenedAd ad = batch.screened.get(i);
            flagged += ad.minorRisk().flag() ? 1 : 0;
            out.println(AdJson.line(AdJson.screened(ad, clusters.clusterIdAt(i))));
        }
        out.flush();
        err.printf(
                Locale.ROOT,
                "%d ads screened, %d flagged for review, %d lines rejected; %d clusters of 2 or more ads%n",
                batch.screened.size(),
                flagged,
                batch.rejected,
                clusters.count(2));
        return batch.exitCode();
    }
}
