package kz.qorgau.server.support;

import java.util.UUID;
import kz.qorgau.server.directory.ApiTokens;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Organisations and staff for integration tests, made through the real directory. Each call makes
 * new ones with unique codes, so tests sharing a database do not see each other's.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private final Directory directory;
    private final StaffAccounts accounts;
    private final ApiTokens tokens;

    public Fixtures(Directory directory, StaffAccounts accounts, ApiTokens tokens) {
        this.directory = directory;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A bearer token for the member with the given scopes, valid for a year. */
    public String token(StaffMember member, String... scopes) {
        return tokens.issue(member.id(), "test", java.util.Set.of(scopes), java.time.Duration.ofDays(365))
                .token();
    }

    /** The Authorization header pair for a token. */
    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** A school with a unique number in a unique town, so reports naming it find exactly it. */
    public Organisation school() {
        String suffix = suffix();
        int number = 100 + Math.floorMod(suffix.hashCode(), 9000);
        String town = "Town" + suffix;
        return directory.add(new Organisation(
                "school-" + suffix,
                OrganisationKind.SCHOOL,
                number + " мектеп",
                "Школа № " + number,
                "School No. " + number,
                "test",
                town,
                number,
                null,
                null));
    }

    public Organisation organisation(OrganisationKind kind) {
        String suffix = suffix();
        return directory.add(new Organisation(
                kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + suffix,
                kind,
                "kk " + suffix,
                "ru " + suffix,
                "en " + suffix,
                "test",
                null,
                null,
                null,
                null));
    }

    /** An organisation of a kind in a region, supervised by {@code parent} (the next rung of its ladder). */
    public Organisation organisation(
            OrganisationKind kind,
            String region,
            @org.jspecify.annotations.Nullable Organisation parent,
            String city,
            Integer schoolNumber) {
        String suffix = suffix();
        return directory.add(new Organisation(
                kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + suffix,
                kind,
                "kk " + kind + " " + suffix,
                "ru " + kind + " " + suffix,
                "en " + kind + " " + suffix,
                region,
                city,
                schoolNumber,
                parent == null ? null : parent.code(),
                null));
    }

    /** A region of its own: the organisations of DESIGN.md §6's ladders, each supervised by the next. */
    public record Region(
            String name,
            String city,
            Organisation commissioner,
            Organisation education,
            Organisation school,
            Organisation prosecutor,
            Organisation police,
            Organisation juvenilePolice,
            Organisation social) {}

    public Region region() {
        String name = "r" + suffix();
        String city = "City" + name;
        Organisation commissioner = organisation(OrganisationKind.COMMISSIONER, name, null, city, null);
        Organisation education = organisation(OrganisationKind.DISTRICT_EDUCATION, name, commissioner, city, null);
        int number = 100 + Math.floorMod(name.hashCode(), 9000);
        Organisation school = organisation(OrganisationKind.SCHOOL, name, education, city, number);
        Organisation prosecutor = organisation(OrganisationKind.PROSECUTOR, name, commissioner, city, null);
        Organisation police = organisation(OrganisationKind.REGIONAL_POLICE, name, prosecutor, city, null);
        Organisation juvenile = organisation(OrganisationKind.JUVENILE_POLICE, name, police, city, null);
        Organisation social = organisation(OrganisationKind.SOCIAL_SERVICES, name, commissioner, city, null);
        return new Region(name, city, commissioner, education, school, prosecutor, police, juvenile, social);
    }

    public StaffMember staff(Organisation organisation, Role role) {
        String login = "u" + suffix();
        return accounts.add(
                new StaffAccounts.NewStaff(login, "Test " + login, organisation.code(), role, PASSWORD, null));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
