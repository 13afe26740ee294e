package kz.qorgau.server.signals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.SqlTime;
import kz.qorgau.signals.ads.Ad;
import kz.qorgau.signals.ads.AdClusters;
import kz.qorgau.signals.ads.AdJson;
import kz.qorgau.signals.ads.AdLine;
import kz.qorgau.signals.ads.AdLinker;
import kz.qorgau.signals.ads.AdReader;
import kz.qorgau.signals.ads.AdScreener;
import kz.qorgau.signals.ads.CaseIdentifierIndex;
import kz.qorgau.signals.ads.CaseIdentifiers;
import kz.qorgau.signals.ads.CaseMatch;
import kz.qorgau.signals.ads.LinkableAd;
import kz.qorgau.signals.ads.Reason;
import kz.qorgau.signals.ads.ScreenedAd;
import kz.qorgau.signals.ads.TextFingerprint;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests a batch of ads (JSON lines): every line is read (bad ones are listed with their line number
 * and skipped), the ads are screened, linked with each other and with the stored ads that share a
 * phone or handle with them, stored, and matched against the identifiers recorded on open cases; each
 * match goes on its case's timeline once.
 *
 * <p>Reading and screening happen before the transaction; storing, linking across batches and matching
 * happen in one transaction per batch, one batch at a time: a batch is stored whole or not at all.
 */
@Service
class AdIngestion {

    static final String SOURCE = "ads";
    static final String TABLE = "ad_signal";

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final KnownIdentifiers identifiers;
    private final SignalMatches matches;
    private final SignalBatches batches;
    private final AuditTrail audit;
    private final SignalSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AdScreener screener = AdScreener.standard();
    private final AdLinker linker = AdLinker.standard();

    AdIngestion(
            JdbcClient jdbc,
            JdbcTemplate batchJdbc,
            FieldCipher cipher,
            BlindIndex index,
            KnownIdentifiers identifiers,
            SignalMatches matches,
            SignalBatches batches,
            AuditTrail audit,
            SignalSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.cipher = cipher;
        this.index = index;
        this.identifiers = identifiers;
        this.matches = matches;
        this.batches = batches;
        this.audit = audit;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A line that was not used. */
    record Rejection(long line, String reason) {}

    /** A flagged ad of the batch: for a person to review. */
    record FlaggedAd(String id, @Nullable String source, double score, List<String> rules, String cluster) {}

    /**
     * What a batch came to.
     *
     * @param lines lines read
     * @param accepted ads read
     * @param rejectedLines lines rejected (all; {@code rejected} lists the first ones)
     * @param stored ads stored now
     * @param alreadyStored ads of the batch stored by an earlier batch (same source and id): skipped
     * @param linkedStoredAds stored ads that shared a contact with the batch and were linked with it
     * @param clusters clusters the stored ads of this batch belong to
     * @param matches signals put on case timelines
     * @param casesMatched distinct cases matched
     */
    record Result(
            UUID batch,
            long lines,
            int accepted,
            long rejectedLines,
            List<Rejection> rejected,
            int stored,
            int alreadyStored,
            int flagged,
            int linkedStoredAds,
            int clusters,
            int matches,
            int casesMatched,
            List<FlaggedAd> flaggedAds) {}

    /** Reads, screens, links, stores and matches one batch. */
    Result ingest(StaffMember caller, BoundedBody body) {
        List<Ad> ads = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        long[] rejectedCount = {0};
        long lines;
        try {
            lines = AdReader.standard().read(body.reader(), line -> {
                switch (line) {
                    case AdLine.Accepted accepted -> ads.add(accepted.ad());
                    case AdLine.Rejected r -> {
                        rejectedCount[0]++;
                        if (rejected.size() < settings.maxRejectionsListed()) {
                            rejected.add(new Rejection(r.lineNumber(), r.reason()));
                        }
                    }
                }
                if (ads.size() > settings.maxAdsPerBatch()) {
                    throw new BatchTooLarge();
                }
            });
        } catch (BatchTooLarge e) {
            throw SignalProblems.tooLarge("the batch has more than " + settings.maxAdsPerBatch()
                    + " ads (qorgau.signals.max-ads-per-batch); split it. Nothing was stored.");
        } catch (IOException e) {
            body.check();
            throw SignalProblems.unreadable("the body could not be read: " + e.getMessage());
        }
        body.check();
        List<ScreenedAd> screened = screener.screenAll(ads);
        Result result = transaction.execute(status -> store(caller, lines, ads, screened, rejected, rejectedCount[0]));
        if (result == null) {
            throw new IllegalStateException("the ad batch transaction returned nothing");
        }
        return result;
    }

    private static final class BatchTooLarge extends RuntimeException {
        BatchTooLarge() {
            super(null, null, false, false);
        }
    }

    /** A new ad of this batch, with what storing it needs. */
    private record NewAd(
            UUID row,
            String key,
            Ad ad,
            ScreenedAd screened,
            Map<String, String> phones,
            Map<String, String> handles) {}

    /** A stored ad loaded to link the batch with. */
    private record StoredAd(UUID row, String cluster, LinkableAd linkable) {}

    private Result store(
            StaffMember caller,
            long lines,
            List<Ad> ads,
            List<ScreenedAd> screened,
            List<Rejection> rejected,
            long rejectedCount) {
        batches.lock(SOURCE);
        Instant now = clock.instant();
        UUID batch = UUID.randomUUID();

        Map<String, Integer> positionOfKey = new LinkedHashMap<>();
        for (int i = 0; i < ads.size(); i++) {
            positionOfKey.put(adKey(ads.get(i)), i);
        }
        Set<String> known = storedKeys(positionOfKey.keySet());
        List<NewAd> fresh = new ArrayList<>();
        for (Map.Entry<String, Integer> e : positionOfKey.entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            int i = e.getValue();
            ScreenedAd s = screened.get(i);
            Map<String, String> phones = new LinkedHashMap<>();
            s.phones().forEach(p -> phones.put(index.digest("phone", p), p));
            Map<String, String> handles = new LinkedHashMap<>();
            s.handles().forEach(h -> handles.put(index.digest("handle", h), h));
            fresh.add(new NewAd(UUID.randomUUID(), e.getKey(), ads.get(i), s, phones, handles));
        }

        List<StoredAd> neighbours = neighbours(fresh);
        Map<UUID, String> clusterOf = clusters(fresh, neighbours);
        insert(batch, fresh, clusterOf, now);

        MatchCount matched = match(fresh, clusterOf);
        int flagged = 0;
        List<FlaggedAd> flaggedAds = new ArrayList<>();
        for (NewAd a : fresh) {
            if (a.screened().minorRisk().flag()) {
                flagged++;
                if (flaggedAds.size() < settings.maxRejectionsListed()) {
                    flaggedAds.add(new FlaggedAd(
                            a.ad().id(),
                            a.ad().source(),
                            round(a.screened().minorRisk().score()),
                            a.screened().minorRisk().reasons().stream()
                                    .map(Reason::rule)
                                    .toList(),
                            clusterOf.get(a.row())));
                }
            }
        }
        int clusterCount = new HashSet<>(clusterOf.values()).size();
        batches.insert(
                batch,
                SOURCE,
                now,
                caller,
                new SignalBatches.Counts(lines, rejectedCount, fresh.size(), matched.matches()));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("batch", batch.toString());
        content.put("lines", lines);
        content.put("rejected", rejectedCount);
        content.put("ads", fresh.stream().map(a -> a.row().toString()).toList());
        content.put("matches", matched.matches());
        audit.record("signals.ads.ingested", null, KnownIdentifiers.actor(caller), content);
        return new Result(
                batch,
                lines,
                ads.size(),
                rejectedCount,
                rejected,
                fresh.size(),
                ads.size() - fresh.size(),
                flagged,
                neighbours.size(),
                clusterCount,
                matched.matches(),
                matched.cases(),
                flaggedAds);
    }

    private String adKey(Ad ad) {
        return index.digest("ad", (ad.source() == null ? "" : ad.source()) + "\u0000" + ad.id());
    }

    private Set<String> storedKeys(Collection<String> keys) {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(keys))) {
            jdbc.sql("select ad_key from ad_signal where ad_key in (" + marks(chunk.size()) + ")")
                    .params(chunk)
                    .query(rs -> {
                        out.add(rs.getString(1));
                    });
        }
        return out;
    }

    // ---- linking across batches

    /**
     * The stored ads that share a phone or handle with the batch, except through contacts found in more
     * stored ads than the linker would use (a site's support number): at most {@code
     * maxLinkedStoredAds}, the rarest contacts first.
     */
    private List<StoredAd> neighbours(List<NewAd> fresh) {
        if (settings.maxLinkedStoredAds() == 0) {
            return List.of();
        }
        Map<String, Set<String>> digestsByKind = new LinkedHashMap<>();
        for (NewAd a : fresh) {
            digestsByKind
                    .computeIfAbsent("phone", k -> new LinkedHashSet<>())
                    .addAll(a.phones().keySet());
            digestsByKind
                    .computeIfAbsent("handle", k -> new LinkedHashSet<>())
                    .addAll(a.handles().keySet());
        }
        record Contact(String kind, String digest, long ads) {}
        List<Contact> usable = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : digestsByKind.entrySet()) {
            for (List<String> chunk : chunks(List.copyOf(e.getValue()))) {
                List<Object> params = new ArrayList<>();
                params.add(e.getKey());
                params.addAll(chunk);
                jdbc.sql("select digest, count(*) from ad_contact where kind = ? and digest in (" + marks(chunk.size())
                                + ") group by digest")
                        .params(params)
                        .query(rs -> {
                            long count = rs.getLong(2);
                            if (count <= settings.maxAdsPerContact()) {
                                usable.add(new Contact(e.getKey(), rs.getString(1), count));
                            }
                        });
            }
        }
        usable.sort(java.util.Comparator.comparingLong(Contact::ads));
        // The rarest contacts first, and only as many as can fill the limit: the rows fetched stay
        // within the limit plus one contact's ads.
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        long planned = 0;
        for (Contact c : usable) {
            if (planned >= settings.maxLinkedStoredAds()) {
                break;
            }
            wanted.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.digest());
            planned += c.ads();
        }
        Map<String, List<UUID>> adsOfContact = new HashMap<>();
        for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
            for (List<String> chunk : chunks(e.getValue())) {
                List<Object> params = new ArrayList<>();
                params.add(e.getKey());
                params.addAll(chunk);
                jdbc.sql("select digest, ad_signal_id from ad_contact where kind = ? and digest in ("
                                + marks(chunk.size()) + ")")
                        .params(params)
                        .query(rs -> {
                            adsOfContact
                                    .computeIfAbsent(e.getKey() + ":" + rs.getString(1), k -> new ArrayList<>())
                                    .add(rs.getObject(2, UUID.class));
                        });
            }
        }
        Set<UUID> rows = new LinkedHashSet<>();
        for (Contact c : usable) {
            for (UUID row : adsOfContact.getOrDefault(c.kind() + ":" + c.digest(), List.of())) {
                if (rows.size() < settings.maxLinkedStoredAds()) {
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> phones = new HashMap<>();
        Map<UUID, List<String>> handles = new HashMap<>();
        List<UUID> ids = List.copyOf(rows);
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql("select ad_signal_id, kind, digest, value_sealed from ad_contact where ad_signal_id in ("
                            + marks(chunk.size()) + ")")
                    .params(chunk)
                    .query(rs -> {
                        UUID row = rs.getObject(1, UUID.class);
                        String kind = rs.getString(2);
                        String value = cipher.open(
                                rs.getBytes(4), "ad_contact", "value_sealed", contactRow(row, kind, rs.getString(3)));
                        (kind.equals("phone") ? phones : handles)
                                .computeIfAbsent(row, k -> new ArrayList<>())
                                .add(value);
                    });
        }
        List<StoredAd> out = new ArrayList<>(ids.size());
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql("select id, cluster_id, posted_at, city, fingerprint_sealed from ad_signal where id in ("
                            + marks(chunk.size()) + ")")
                    .params(chunk)
                    .query(rs -> {
                        UUID row = rs.getObject("id", UUID.class);
                        Instant posted = SqlTime.read(rs, "posted_at");
                        TextFingerprint fingerprint = fingerprint(
                                cipher.openBytes(rs.getBytes("fingerprint_sealed"), TABLE, "fingerprint_sealed", row));
                        out.add(new StoredAd(
                                row,
                                rs.getString("cluster_id"),
                                new LinkableAd(
                                        "s:" + row,
                                        posted == null
                                                ? null
                                                : OffsetDateTime.ofInstant(posted, java.time.ZoneOffset.UTC),
                                        rs.getString("city"),
                                        phones.getOrDefault(row, List.of()),
                                        handles.getOrDefault(row, List.of()),
                                        List.of(),
                                        fingerprint)));
                    });
        }
        return out;
    }

    /**
     * Links the batch with its stored neighbours and names each new ad's cluster: a component that
     * holds stored ads keeps the (smallest) cluster id among them, and the stored clusters it joins are
     * renamed to it; a component of new ads only gets an id from its members' keys.
     */
    private Map<UUID, String> clusters(List<NewAd> fresh, List<StoredAd> neighbours) {
        List<LinkableAd> linkables = new ArrayList<>(fresh.size() + neighbours.size());
        for (int i = 0; i < fresh.size(); i++) {
            LinkableAd l = fresh.get(i).screened().linkable();
            // Internal ids: the batch's ids may repeat stored ids of another source.
            linkables.add(new LinkableAd(
                    "n:" + i, l.postedAt(), l.city(), l.phones(), l.handles(), l.images(), l.fingerprint()));
        }
        neighbours.forEach(n -> linkables.add(n.linkable()));
        AdClusters linked = linker.link(linkables);
        Map<String, List<Integer>> components = new LinkedHashMap<>();
        for (int i = 0; i < linkables.size(); i++) {
            components
                    .computeIfAbsent(linked.clusterIdAt(i), k -> new ArrayList<>())
                    .add(i);
        }
        Map<UUID, String> clusterOf = new HashMap<>();
        for (List<Integer> members : components.values()) {
            TreeSet<String> stored = new TreeSet<>();
            List<String> newKeys = new ArrayList<>();
            for (int i : members) {
                if (i >= fresh.size()) {
                    stored.add(neighbours.get(i - fresh.size()).cluster());
                } else {
                    newKeys.add(fresh.get(i).key());
                }
            }
            String target = stored.isEmpty() ? newClusterId(newKeys) : stored.first();
            for (String other : stored) {
                if (!other.equals(target)) {
                    jdbc.sql("update ad_signal set cluster_id = ? where cluster_id = ?")
                            .params(target, other)
                            .update();
                }
            }
            for (int i : members) {
                if (i < fresh.size()) {
                    clusterOf.put(fresh.get(i).row(), target);
                }
            }
        }
        return clusterOf;
    }

    private static String newClusterId(List<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String key : sorted) {
                sha.update(key.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "C-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ---- storing

    private void insert(UUID batch, List<NewAd> fresh, Map<UUID, String> clusterOf, Instant now) {
        List<Object[]> rows = new ArrayList<>(fresh.size());
        List<Object[]> contacts = new ArrayList<>();
        for (NewAd a : fresh) {
            ScreenedAd s = a.screened();
            UUID row = a.row();
            rows.add(new Object[] {
                row,
                a.key(),
                batch,
                a.ad().source(),
                a.ad().id(),
                cipher.seal(a.ad().url(), TABLE, "url_sealed", row),
                s.postedAt() == null ? null : SqlTime.bind(s.postedAt().toInstant()),
                s.city(),
                s.minorRisk().score(),
                s.minorRisk().flag(),
                s.minorRisk().indicatorsVersion(),
                cipher.seal(AdJson.line(AdJson.minorRisk(s.minorRisk())), TABLE, "risk_sealed", row),
                clusterOf.get(row),
                cipher.sealBytes(bytes(s.fingerprint()), TABLE, "fingerprint_sealed", row),
                SqlTime.bind(now)
            });
            a.phones().forEach((digest, value) -> contacts.add(contact(row, "phone", digest, value)));
            a.handles().forEach((digest, value) -> contacts.add(contact(row, "handle", digest, value)));
        }
        batchJdbc.batchUpdate("""
                insert into ad_signal (id, ad_key, batch_id, source, ad_id, url_sealed, posted_at, city, risk_score,
                                       risk_flag, indicators_version, risk_sealed, cluster_id, fingerprint_sealed,
                                       received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        batchJdbc.batchUpdate(
                "insert into ad_contact (ad_signal_id, kind, digest, value_sealed) values (?, ?, ?, ?)", contacts);
    }

    private Object[] contact(UUID row, String kind, String digest, String value) {
        return new Object[] {
            row, kind, digest, cipher.seal(value, "ad_contact", "value_sealed", contactRow(row, kind, digest))
        };
    }

    /** A contact's seal is bound to its ad and its hash, so that it cannot be moved to another ad. */
    static UUID contactRow(UUID ad, String kind, String digest) {
        return UUID.nameUUIDFromBytes((ad + "|" + kind + "|" + digest).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(TextFingerprint fingerprint) {
        int[] shingles = fingerprint.shingles();
        ByteBuffer buffer = ByteBuffer.allocate(shingles.length * 4);
        for (int s : shingles) {
            buffer.putInt(s);
        }
        return buffer.array();
    }

    private static TextFingerprint fingerprint(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] shingles = new int[bytes.length / 4];
        for (int i = 0; i < shingles.length; i++) {
            shingles[i] = buffer.getInt();
        }
        return TextFingerprint.of(shingles);
    }

    // ---- matching

    private record MatchCount(int matches, int cases) {}

    /**
     * Matches the new ads against the identifiers of open cases: phones and handles are looked up by
     * their keyed hashes (only the cases that hold one are decrypted), nicknames of all open cases are
     * searched among the ads' words. One timeline entry per ad and case.
     */
    private MatchCount match(List<NewAd> fresh, Map<UUID, String> clusterOf) {
        Set<String> phoneDigests = new LinkedHashSet<>();
        Set<String> handleDigests = new LinkedHashSet<>();
        fresh.forEach(a -> {
            phoneDigests.addAll(a.phones().keySet());
            handleDigests.addAll(a.handles().keySet());
        });
        Set<UUID> phoneCases = new LinkedHashSet<>();
        identifiers.openCasesWith(IdentifierKind.PHONE, phoneDigests).values().forEach(phoneCases::addAll);
        Set<UUID> handleCases = new LinkedHashSet<>();
        identifiers.openCasesWith(IdentifierKind.HANDLE, handleDigests).values().forEach(handleCases::addAll);
        Map<UUID, List<String>> nicknames = identifiers.allOfOpenCases(IdentifierKind.NICKNAME);
        Map<UUID, List<String>> phones = identifiers.values(IdentifierKind.PHONE, phoneCases);
        Map<UUID, List<String>> handles = identifiers.values(IdentifierKind.HANDLE, handleCases);
        Set<UUID> cases = new LinkedHashSet<>(phoneCases);
        cases.addAll(handleCases);
        cases.addAll(nicknames.keySet());
        if (cases.isEmpty()) {
            return new MatchCount(0, 0);
        }
        List<CaseIdentifiers> known = new ArrayList<>();
        for (UUID caseId : cases) {
            known.add(new CaseIdentifiers(
                    caseId.toString(),
                    phones.getOrDefault(caseId, List.of()),
                    handles.getOrDefault(caseId, List.of()),
                    nicknames.getOrDefault(caseId, List.of())));
        }
        CaseIdentifierIndex caseIndex = CaseIdentifierIndex.of(known);
        int count = 0;
        Set<UUID> matchedCases = new HashSet<>();
        for (NewAd a : fresh) {
            Map<String, List<CaseMatch>> byCase = new LinkedHashMap<>();
            for (CaseMatch m : caseIndex.matches(a.ad(), a.screened())) {
                byCase.computeIfAbsent(m.caseRef(), k -> new ArrayList<>()).add(m);
            }
            for (Map.Entry<String, List<CaseMatch>> e : byCase.entrySet()) {
                UUID caseId = UUID.fromString(e.getKey());
                if (matches.recordOnce(
                        caseId,
                        SOURCE,
                        a.row().toString(),
                        summary(e.getValue(), a.screened()),
                        evidence(a, clusterOf.get(a.row()), e.getValue()))) {
                    count++;
                    matchedCases.add(caseId);
                }
            }
        }
        return new MatchCount(count, matchedCases.size());
    }

    /** For notices: no personal data, only what kind of identifier matched. */
    static String summary(List<CaseMatch> found, ScreenedAd ad) {
        Set<String> kinds = new TreeSet<>();
        found.forEach(m -> kinds.add(m.kind().name().toLowerCase(java.util.Locale.ROOT)));
        return summary(kinds, ad.minorRisk().flag());
    }

    /**
     * The notice's text from what matched ({@code phone}, {@code handle}, {@code nickname}) and whether
     * the ad is flagged: shared with the matching of stored ads when an identifier is recorded.
     */
    static String summary(Set<String> kinds, boolean flagged) {
        Set<String> sorted = new TreeSet<>(kinds);
        boolean onlyNickname = sorted.equals(Set.of("nickname"));
        return "Online ad screening: an ad shows this case's " + String.join(" and ", sorted)
                + (onlyNickname ? " (weak evidence: a name can be common)" : "")
                + (flagged ? "; the ad is flagged as suggesting a minor" : "")
                + ". Review the evidence; a match alone identifies no one.";
    }

    /** An identifier of the case found in an ad, as the evidence lists it. */
    record MatchedIdentifier(
            String kind, String value, @Nullable String quote, boolean weak) {}

    private Map<String, Object> evidence(NewAd a, String cluster, List<CaseMatch> found) {
        List<MatchedIdentifier> matched = new ArrayList<>();
        for (CaseMatch m : found) {
            matched.add(new MatchedIdentifier(
                    m.kind().name().toLowerCase(java.util.Locale.ROOT),
                    m.value(),
                    m.evidence().quote(),
                    m.kind() == CaseMatch.Kind.NICKNAME));
        }
        return evidence(
                a.ad().id(),
                a.ad().source(),
                a.ad().url(),
                a.ad().postedAt() == null ? null : a.ad().postedAt().toString(),
                a.screened().city(),
                cluster,
                a.row(),
                matched,
                Json.map(AdJson.minorRisk(a.screened().minorRisk())));
    }

    /**
     * The evidence of an ad matched to a case, as the timeline keeps it: the ad's facts, what matched
     * with the ad's words, the explained minor-risk score and the note. Shared with the matching of
     * stored ads when an identifier is recorded, so both read the same.
     */
    static Map<String, Object> evidence(
            String adId,
            @Nullable String source,
            @Nullable String url,
            @Nullable String postedAt,
            @Nullable String city,
            String cluster,
            UUID stored,
            List<MatchedIdentifier> found,
            Map<String, Object> minorRisk) {
        Map<String, Object> adFacts = new LinkedHashMap<>();
        adFacts.put("id", adId);
        adFacts.put("source", source);
        adFacts.put("url", url);
        adFacts.put("postedAt", postedAt);
        adFacts.put("city", city);
        adFacts.put("cluster", cluster);
        adFacts.put("stored", stored.toString());
        List<Map<String, Object>> matched = new ArrayList<>();
        for (MatchedIdentifier m : found) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", m.kind());
            item.put("value", m.value());
            item.put("quote", m.quote());
            item.put("weak", m.weak());
            matched.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ad", adFacts);
        out.put("matched", matched);
        out.put("minorRisk", minorRisk);
        out.put(
                "note",
                "A phone number or name in an ad does not identify a person: escort sites carry fake profiles with"
                        + " real third parties' numbers. For review by a person.");
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            out.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return out;
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
