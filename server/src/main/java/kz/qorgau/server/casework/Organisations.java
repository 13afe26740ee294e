package kz.qorgau.server.casework;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The directory's organisations as the core domain sees them, and the choice of the organisation
 * that receives a referral of a given type: up the supervising chain of the organisation it comes
 * from, else in the case's region, else anywhere — never one the case is hidden from.
 */
@Component
class Organisations {

    private final Directory directory;

    /** The directory as last read: it changes rarely and is read on every referral and escalation. */
    private volatile @Nullable Snapshot snapshot;

    private record Snapshot(java.util.Map<String, Organisation> byCode, List<Organisation> all) {}

    Organisations(Directory directory) {
        this.directory = directory;
    }

    @org.springframework.context.event.EventListener
    void on(Directory.OrganisationsChanged changed) {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            List<Organisation> all = directory.organisations();
            java.util.Map<String, Organisation> byCode = new java.util.HashMap<>();
            all.forEach(o -> byCode.put(o.code(), o));
            current = new Snapshot(byCode, all);
            snapshot = current;
        }
        return current;
    }

    /** The core's view of an organisation; empty for kinds that never receive referrals. */
    static Optional<kz.qorgau.core.organisation.Organisation> core(Organisation organisation) {
        if (organisation.kind() == OrganisationKind.ADMINISTRATION) {
            return Optional.empty();
        }
        return Optional.of(new kz.qorgau.core.organisation.Organisation(
                organisation.code(),
                OrganisationType.valueOf(organisation.kind().name())));
    }

    Optional<Organisation> find(String code) {
        return Optional.ofNullable(snapshot().byCode().get(code));
    }

    /** The organisation with this code as the core sees it, or 400 naming the field. */
    kz.qorgau.core.organisation.Organisation require(String code, String field) {
        return directory
                .organisation(code)
                .flatMap(Organisations::core)
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        "unknown-organisation",
                        "no organisation that takes referrals has the code '" + code + "'"));
    }

    Optional<kz.qorgau.core.organisation.Organisation> recognise(@Nullable String text, @Nullable String city) {
        return directory.recogniseOrganisation(text, city).flatMap(Organisations::core);
    }

    /**
     * The organisation of {@code type} that should receive a referral coming from {@code fromCode} in
     * {@code region}.
     */
    Optional<kz.qorgau.core.organisation.Organisation> receiver(
            OrganisationType type, @Nullable String fromCode, @Nullable String region, Set<String> hiddenFrom) {
        OrganisationKind kind = OrganisationKind.valueOf(type.name());
        Set<Organisation> candidates = new LinkedHashSet<>();
        // 1. The supervising chain of the organisation the referral comes from.
        String code = fromCode;
        for (int depth = 0; code != null && depth < 10; depth++) {
            Optional<Organisation> organisation = find(code);
            if (organisation.isEmpty()) {
                break;
            }
            if (depth > 0 && organisation.get().kind() == kind) {
                candidates.add(organisation.get());
            }
            code = organisation.get().parentCode();
        }
        // 2. The same kind in the case's region, then 3. anywhere (national bodies).
        List<Organisation> ofKind = new ArrayList<>(
                snapshot().all().stream().filter(o -> o.kind() == kind).toList());
        if (region != null) {
            ofKind.stream().filter(o -> region.equals(o.region())).forEach(candidates::add);
        }
        candidates.addAll(ofKind);
        return candidates.stream()
                .filter(o -> !hiddenFrom.contains(o.code()))
                .findFirst()
                .flatMap(Organisations::core);
    }

    /**
     * The organisation of {@code type} in the city a report names (compared in any script and
     * transliteration, without case and spaces),
     * if there is exactly one that the case is not hidden from.
     */
    Optional<kz.qorgau.core.organisation.Organisation> ofKindInCity(
            OrganisationType type, @Nullable String city, Set<String> hiddenFrom) {
        if (city == null || city.isBlank()) {
            return Optional.empty();
        }
        OrganisationKind kind = OrganisationKind.valueOf(type.name());
        String wanted = cityKey(city);
        List<Organisation> found = snapshot().all().stream()
                .filter(o -> o.kind() == kind
                        && o.city() != null
                        && cityKey(o.city()).equals(wanted))
                .filter(o -> !hiddenFrom.contains(o.code()))
                .toList();
        return found.size() == 1 ? Organisations.core(found.getFirst()) : Optional.empty();
    }

    private static String cityKey(String city) {
        // Кызылорда, Қызылорда, Kyzylorda and Qyzylorda are one city.
        return NameKey.of(city).replace(" ", "") + "#" + city.replaceAll("\\D", "");
    }

    /** The region an organisation belongs to. */
    @Nullable
    String regionOf(@Nullable String code) {
        return code == null ? null : find(code).map(Organisation::region).orElse(null);
    }
}
