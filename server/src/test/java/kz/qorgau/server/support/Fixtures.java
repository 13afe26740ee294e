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

    public StaffMember staff(Organisation organisation, Role role) {
        String login = "u" + suffix();
        return accounts.add(
                new StaffAccounts.NewStaff(login, "Test " + login, organisation.code(), role, PASSWORD, null));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
