package kz.qorgau.signals.ads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import kz.qorgau.signals.identifiers.HandleMention;
import kz.qorgau.signals.identifiers.IdentifierExtractor;
import kz.qorgau.signals.identifiers.Identifiers;
import kz.qorgau.signals.identifiers.PhoneMention;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.TextNormalizer;
import kz.qorgau.signals.text.TextSpan;

/**
 * Screens ads one at a time: normalises the title and text, extracts phones (E.164), handles,
 * stated ages and prices, names the city, computes the explained minor-risk score from an {@link
 * IndicatorSet}, and the text fingerprint used for linking. Linking ads to each other is {@link
 * AdLinker}'s job, over many screened ads.
 *
 * <p>Thread-safe and stateless: one screener may serve many threads. Time O(length of the ad ×
 * phrases per word), typically tens of microseconds per ad.
 */
public final class AdScreener {

    private static final AdScreener STANDARD = new AdScreener(IndicatorSet.bundled());

    private final IndicatorSet indicators;
    private final MinorRiskScorer scorer;
    private final IdentifierExtractor extractor = IdentifierExtractor.standard();
    private final CityGazetteer cities = CityGazetteer.bundled();

    private AdScreener(IndicatorSet indicators) {
        this.indicators = indicators;
        this.scorer = new MinorRiskScorer(indicators);
    }

    /** A screener with the bundled indicator file. */
    public static AdScreener standard() {
        return STANDARD;
    }

    /** A screener with the given indicator file (e.g. an NGO's edited copy). */
    public static AdScreener using(IndicatorSet indicators) {
        return new AdScreener(Objects.requireNonNull(indicators, "indicators"));
    }

    /** The indicator file in use. */
    public IndicatorSet indicators() {
        return indicators;
    }

    /** Screens one ad. */
    public ScreenedAd screen(Ad ad) {
        Objects.requireNonNull(ad, "ad");
        String full = ad.title().isEmpty() ? ad.text() : ad.title() + "\n" + ad.text();
        int textStart = full.length() - ad.text().length();
        NormalizedText normalized = TextNormalizer.standard().normalize(full);
        Identifiers identifiers = extractor.extract(normalized);
        MinorRisk risk = scorer.score(normalized, identifiers);

        List<TextSpan> contacts = new ArrayList<>();
        identifiers.phones().stream().map(PhoneMention::evidence).forEach(contacts::add);
        identifiers.handles().stream().map(HandleMention::evidence).forEach(contacts::add);
        List<kz.qorgau.signals.text.Token> body =
                normalized.tokens().stream().filter(t -> t.start() >= textStart).toList();
        TextFingerprint fingerprint = TextFingerprint.of(body, contacts);

        List<String> mentioned = cities.mentioned(normalized);
        String city = ad.city() != null && !ad.city().isBlank()
                ? cities.canonical(ad.city())
                : mentioned.isEmpty() ? null : mentioned.get(0);
        return new ScreenedAd(
                ad.id(),
                ad.source(),
                ad.url(),
                ad.postedAt(),
                city,
                mentioned,
                identifiers,
                risk,
                ad.images(),
                fingerprint);
    }

    /**
     * Screens a batch of ads and links them with {@code linker}: one call for an ingestion endpoint.
     * Ads within the batch are linked to each other only; linking across batches is a matter of
     * linking their {@link ScreenedAd#linkable()} forms together.
     *
     * @throws IllegalArgumentException if two ads have the same id
     */
    public ScreenedBatch screenBatch(List<Ad> ads, AdLinker linker) {
        List<ScreenedAd> screened = screenAll(ads);
        return new ScreenedBatch(
                screened,
                linker.link(screened.stream().map(ScreenedAd::linkable).toList()));
    }

    /** Screens ads in order on the calling thread. */
    public List<ScreenedAd> screenAll(Collection<Ad> ads) {
        List<ScreenedAd> out = new ArrayList<>(ads.size());
        for (Ad ad : ads) {
            out.add(screen(ad));
        }
        return out;
    }
}
