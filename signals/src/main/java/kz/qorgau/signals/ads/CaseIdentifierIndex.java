package kz.qorgau.signals.ads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.qorgau.signals.identifiers.HandleMention;
import kz.qorgau.signals.identifiers.Handles;
import kz.qorgau.signals.identifiers.PhoneMention;
import kz.qorgau.signals.identifiers.PhoneNumbers;
import kz.qorgau.signals.text.PhraseMatch;
import kz.qorgau.signals.text.PhraseMatcher;
import kz.qorgau.signals.text.TextNormalizer;

/**
 * The identifiers of open cases, normalised and indexed, so that each incoming screened ad is
 * matched against all cases at once: phones by E.164, handles by {@code @name}, nicknames as words
 * of the ad (any alphabet or look-alike spelling). Identifiers that cannot be normalised are kept in
 * {@link #unreadable()} for the case worker to correct.
 *
 * <p>Immutable and thread-safe. Matching one ad costs O(its identifiers + its words).
 */
public final class CaseIdentifierIndex {

    /**
     * A recorded identifier that could not be used.
     *
     * @param caseRef the case
     * @param recorded the identifier as recorded
     * @param reason why, and what to record instead
     */
    public record Unreadable(String caseRef, String recorded, String reason) {}

    private record Owner(String caseRef, String recorded, String value) {}

    private final Map<String, List<Owner>> phones = new HashMap<>();
    private final Map<String, List<Owner>> handles = new HashMap<>();
    private final PhraseMatcher<Owner> nicknames;
    private final List<Unreadable> unreadable = new ArrayList<>();

    private CaseIdentifierIndex(Collection<CaseIdentifiers> cases) {
        PhraseMatcher.Builder<Owner> names = PhraseMatcher.builder();
        for (CaseIdentifiers c : cases) {
            for (String raw : c.phones()) {
                PhoneNumbers.toE164(raw)
                        .ifPresentOrElse(
                                e164 -> phones.computeIfAbsent(e164, k -> new ArrayList<>())
                                        .add(new Owner(c.caseRef(), raw, e164)),
                                () -> unreadable.add(new Unreadable(
                                        c.caseRef(),
                                        raw,
                                        "not a valid phone number; record it with its area or mobile code, e.g."
                                                + " 8 777 123 45 67 or +7 777 123 45 67")));
            }
            for (String raw : c.handles()) {
                Handles.normalize(raw)
                        .ifPresentOrElse(
                                h -> handles.computeIfAbsent(h, k -> new ArrayList<>())
                                        .add(new Owner(c.caseRef(), raw, h)),
                                () -> unreadable.add(new Unreadable(
                                        c.caseRef(),
                                        raw,
                                        "not a Telegram or Instagram name; record e.g. @name or t.me/name")));
            }
            for (String raw : c.nicknames()) {
                String name = raw.strip();
                if (name.codePoints().filter(Character::isLetter).count() < 3) {
                    unreadable.add(
                            new Unreadable(c.caseRef(), raw, "too short to search for; record at least three letters"));
                    continue;
                }
                try {
                    names.add(name, new Owner(c.caseRef(), raw, name));
                } catch (IllegalArgumentException e) {
                    unreadable.add(new Unreadable(c.caseRef(), raw, e.getMessage()));
                }
            }
        }
        this.nicknames = names.build();
    }

    /** Indexes the identifiers of the given cases. */
    public static CaseIdentifierIndex of(Collection<CaseIdentifiers> cases) {
        return new CaseIdentifierIndex(Objects.requireNonNull(cases, "cases"));
    }

    /** Recorded identifiers that could not be used, with the reason. */
    public List<Unreadable> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Phone and handle matches of one screened ad (no nicknames: they need the ad's text). */
    public List<CaseMatch> matches(ScreenedAd ad) {
        Objects.requireNonNull(ad, "ad");
        List<CaseMatch> out = new ArrayList<>();
        for (PhoneMention p : ad.identifiers().phones()) {
            for (Owner o : phones.getOrDefault(p.e164(), List.of())) {
                out.add(new CaseMatch(
                        o.caseRef(), ad.id(), CaseMatch.Kind.PHONE, o.recorded(), o.value(), p.evidence()));
            }
        }
        for (HandleMention h : ad.identifiers().handles()) {
            for (Owner o : handles.getOrDefault(h.handle(), List.of())) {
                out.add(new CaseMatch(
                        o.caseRef(), ad.id(), CaseMatch.Kind.HANDLE, o.recorded(), o.value(), h.evidence()));
            }
        }
        return out;
    }

    /** All matches of one ad: phones and handles from its screening, nicknames from its words. */
    public List<CaseMatch> matches(Ad ad, ScreenedAd screened) {
        Objects.requireNonNull(ad, "ad");
        if (!ad.id().equals(screened.id())) {
            throw new IllegalArgumentException(
                    "ad " + ad.id() + " and screened ad " + screened.id() + " differ; pass the screening of this ad");
        }
        List<CaseMatch> out = matches(screened);
        String full = ad.title().isEmpty() ? ad.text() : ad.title() + "\n" + ad.text();
        for (PhraseMatch<Owner> m : nicknames.findAll(TextNormalizer.standard().normalize(full))) {
            Owner o = m.payload();
            out.add(new CaseMatch(
                    o.caseRef(), ad.id(), CaseMatch.Kind.NICKNAME, o.recorded(), o.value(), m.evidence()));
        }
        return out;
    }

    /** Convenience: the matches of one case's identifiers against many screened ads (phones and handles). */
    public static List<CaseMatch> match(CaseIdentifiers identifiers, Collection<ScreenedAd> ads) {
        CaseIdentifierIndex index = of(List.of(identifiers));
        List<CaseMatch> out = new ArrayList<>();
        for (ScreenedAd ad : ads) {
            out.addAll(index.matches(ad));
        }
        return out;
    }
}
