package kz.qorgau.server.directory;

import com.ibm.icu.text.Transliterator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisations known to the system, and recognising a school named in a report. */
@Service
public class Directory {

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,4})");
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Directory(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The directory of organisations changed; caches of it are stale. */
    public record OrganisationsChanged(String code) {}

    /** The organisation with this code. */
    @Transactional(readOnly = true)
    public Optional<Organisation> organisation(String code) {
        return jdbc.sql("select * from organisation where code = ?")
                .param(code)
                .query(Directory::map)
                .optional();
    }

    /** Every organisation, by kind and code. */
    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return jdbc.sql("select * from organisation order by kind, code")
                .query(Directory::map)
                .list();
    }

    /** Organisations of one kind in one region. */
    @Transactional(readOnly = true)
    public List<Organisation> organisations(OrganisationKind kind, String region) {
        return jdbc.sql("select * from organisation where kind = ? and region = ? order by code")
                .params(kind.name(), region)
                .query(Directory::map)
                .list();
    }

    /** Adds an organisation; its code must be new. */
    @Transactional
    public Organisation add(Organisation organisation) {
        jdbc.sql("""
                        insert into organisation (code, kind, name_kk, name_ru, name_en, region, city, school_number,
                                                  parent_code, email, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        organisation.code(),
                        organisation.kind().name(),
                        organisation.nameKk(),
                        organisation.nameRu(),
                        organisation.nameEn(),
                        organisation.region(),
                        organisation.city(),
                        organisation.schoolNumber(),
                        organisation.parentCode(),
                        organisation.email(),
                        SqlTime.bind(clock.instant()))
                .update();
        events.publishEvent(new OrganisationsChanged(organisation.code()));
        return organisation;
    }

    /**
     * Recognises the school a reporter named in free text ("школа №1", "1-мектеп", "School No. 1",
     * "СШ 1 Кызылорда"), in any script. A school matches when its full name matches, or when its
     * number matches and so does its city (given separately or in the text); a number alone
     * matches only when exactly one known school has it.
     */
    @Transactional(readOnly = true)
    public Optional<Organisation> recogniseSchool(@Nullable String schoolText, @Nullable String city) {
        if (schoolText == null || schoolText.isBlank()) {
            return Optional.empty();
        }
        List<Organisation> schools = jdbc.sql("select * from organisation where kind = 'SCHOOL' order by code")
                .query(Directory::map)
                .list();
        String text = skeleton(schoolText);
        for (Organisation school : schools) {
            if (text.equals(skeleton(school.nameKk()))
                    || text.equals(skeleton(school.nameRu()))
                    || text.equals(skeleton(school.nameEn()))) {
                return Optional.of(school);
            }
        }
        Matcher number = NUMBER.matcher(schoolText);
        if (!number.find()) {
            return Optional.empty();
        }
        int wanted = Integer.parseInt(number.group(1));
        List<Organisation> sameNumber = schools.stream()
                .filter(s -> s.schoolNumber() != null && s.schoolNumber() == wanted)
                .toList();
        String place = skeleton((city == null ? "" : city) + " " + schoolText);
        List<Organisation> sameCity = sameNumber.stream()
                .filter(s -> s.city() != null && place.contains(skeleton(s.city())))
                .toList();
        if (sameCity.size() == 1) {
            return Optional.of(sameCity.getFirst());
        }
        if (sameCity.isEmpty() && sameNumber.size() == 1 && (city == null || city.isBlank())) {
            return Optional.of(sameNumber.getFirst());
        }
        return Optional.empty();
    }

    /** Organisations of one kind, anywhere. */
    @Transactional(readOnly = true)
    public List<Organisation> organisations(OrganisationKind kind) {
        return jdbc.sql("select * from organisation where kind = ? order by code")
                .param(kind.name())
                .query(Directory::map)
                .list();
    }

    /**
     * Words that name a kind of organisation in Kazakh, Russian and English, as {@link #skeleton}s
     * (ICU's Any-Latin writes ц and ч as c, х as h, ә as ə); the most specific come first.
     */
    private static final List<Map.Entry<String, OrganisationKind>> KIND_WORDS = List.of(
            Map.entry("departamentpolicii", OrganisationKind.REGIONAL_POLICE),
            Map.entry("policiadepartamenti", OrganisationKind.REGIONAL_POLICE),
            Map.entry("policedepartment", OrganisationKind.REGIONAL_POLICE),
            Map.entry("pdn", OrganisationKind.JUVENILE_POLICE),
            Map.entry("inspektor", OrganisationKind.JUVENILE_POLICE),
            Map.entry("inspector", OrganisationKind.JUVENILE_POLICE),
            Map.entry("ucastkov", OrganisationKind.JUVENILE_POLICE),
            Map.entry("iuvenil", OrganisationKind.JUVENILE_POLICE),
            Map.entry("k\u0259meletke", OrganisationKind.JUVENILE_POLICE),
            Map.entry("polic", OrganisationKind.JUVENILE_POLICE),
            Map.entry("prokur", OrganisationKind.PROSECUTOR),
            Map.entry("prosecut", OrganisationKind.PROSECUTOR),
            Map.entry("obrazovan", OrganisationKind.DISTRICT_EDUCATION),
            Map.entry("bilimbolim", OrganisationKind.DISTRICT_EDUCATION),
            Map.entry("education", OrganisationKind.DISTRICT_EDUCATION),
            Map.entry("social", OrganisationKind.SOCIAL_SERVICES),
            Map.entry("\u0259leumet", OrganisationKind.SOCIAL_SERVICES),
            Map.entry("bolnic", OrganisationKind.HEALTH),
            Map.entry("poliklinik", OrganisationKind.HEALTH),
            Map.entry("hospital", OrganisationKind.HEALTH),
            Map.entry("auruhana", OrganisationKind.HEALTH));

    /**
     * Recognises an organisation a reporter named in free text ("инспектор ПДН", "школа №1", "the
     * police", an organisation code). Returns nothing rather than guess between several: the caller
     * then sends the matter to oversight.
     */
    @Transactional(readOnly = true)
    public Optional<Organisation> recogniseOrganisation(@Nullable String text, @Nullable String city) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Organisation> byCode = organisation(text.trim());
        if (byCode.isPresent()) {
            return byCode;
        }
        Optional<Organisation> school = recogniseSchool(text, city);
        if (school.isPresent()) {
            return school;
        }
        String wanted = skeleton(text);
        List<Organisation> all = organisations().stream()
                .filter(o -> o.kind() != OrganisationKind.ADMINISTRATION)
                .toList();
        List<Organisation> byName = all.stream()
                .filter(o -> wanted.contains(skeleton(o.nameKk()))
                        || wanted.contains(skeleton(o.nameRu()))
                        || wanted.contains(skeleton(o.nameEn())))
                .toList();
        if (byName.size() == 1) {
            return Optional.of(byName.getFirst());
        }
        for (Map.Entry<String, OrganisationKind> word : KIND_WORDS) {
            if (wanted.contains(word.getKey())) {
                List<Organisation> ofKind =
                        all.stream().filter(o -> o.kind() == word.getValue()).toList();
                String place = city == null ? "" : skeleton(city);
                List<Organisation> here = ofKind.stream()
                        .filter(o -> o.city() != null && !place.isEmpty() && place.contains(skeleton(o.city())))
                        .toList();
                if (here.size() == 1) {
                    return Optional.of(here.getFirst());
                }
                return ofKind.size() == 1 ? Optional.of(ofKind.getFirst()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Latin, lower case, letters only, with the spellings of Kazakh sounds folded together. */
    static String skeleton(String text) {
        String latin = TO_LATIN.get().transliterate(text).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            switch (c) {
                case 'q' -> out.append('k');
                case 'y', 'j' -> out.append('i');
                case 'w' -> out.append('u');
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static Organisation map(ResultSet rs, int row) throws SQLException {
        int number = rs.getInt("school_number");
        Integer schoolNumber = rs.wasNull() ? null : number;
        return new Organisation(
                rs.getString("code"),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("name_kk"),
                rs.getString("name_ru"),
                rs.getString("name_en"),
                rs.getString("region"),
                rs.getString("city"),
                schoolNumber,
                rs.getString("parent_code"),
                rs.getString("email"));
    }
}
