package kz.qorgau.server.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creation with a hashed password, lookup for sign-in, and what administrators change
 * (enabled or not, the password). Accounts are never deleted: the ledger and case histories name them.
 */
@Service
public class StaffAccounts {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A new account; the password is hashed with Argon2id and never stored. */
    public record NewStaff(
            String login,
            String displayName,
            String organisationCode,
            Role role,
            String password,
            @Nullable String email) {}

    /** A staff member with their password hash, for sign-in only. */
    public record Credentials(StaffMember member, String passwordHash, boolean enabled) {}

    /** Creates an account. */
    @Transactional
    /**
     * Whether a role may be held in an organisation of this kind. Oversight and intake officers see
     * every case, so they exist only in the bodies whose job that is; an administrator reads no case
     * and works for the platform's operator; a school or police account cannot be made into either.
     */
    public static boolean mayHold(Role role, OrganisationKind kind) {
        return switch (role) {
            case OVERSIGHT ->
                kind == OrganisationKind.COMMISSIONER
                        || kind == OrganisationKind.PROSECUTOR
                        || kind == OrganisationKind.NGO;
            case INTAKE_OFFICER -> kind == OrganisationKind.HELPLINE || kind == OrganisationKind.NGO;
            case ADMINISTRATOR -> kind == OrganisationKind.ADMINISTRATION;
            case CASE_WORKER, SUPERVISOR -> kind != OrganisationKind.ADMINISTRATION;
            case INTEGRATION -> true;
        };
    }

    public StaffMember add(NewStaff staff) {
        if (!LOGIN.matcher(staff.login()).matches()) {
            throw new InvalidInputException(
                    "login",
                    "pattern",
                    "use 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        checkPassword(staff.password());
        if (staff.displayName().isBlank() || staff.displayName().length() > 200) {
            throw new InvalidInputException("displayName", "length", "must be 1 to 200 characters long");
        }
        OrganisationKind kind = jdbc.sql("select kind from organisation where code = ?")
                .param(staff.organisationCode())
                .query(String.class)
                .optional()
                .map(OrganisationKind::valueOf)
                .orElseThrow(() -> new InvalidInputException(
                        "organisation", "unknown", "no organisation has the code " + staff.organisationCode()));
        if (!mayHold(staff.role(), kind)) {
            throw new InvalidInputException(
                    "role",
                    "organisation-kind",
                    "the role " + staff.role().code() + " cannot be held in an organisation of kind "
                            + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                            + " (oversight: commissioner, prosecutor or NGO; intake officer: helpline or NGO;"
                            + " administrator: the administration; case work: any body but the administration)");
        }
        if (jdbc.sql("select count(*) from staff_user where login = ?")
                        .param(staff.login())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("login", "taken", "this login is already in use");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into staff_user (id, login, display_name, organisation_code, role, password_hash, email,
                                                enabled, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(
                        id,
                        staff.login(),
                        staff.displayName(),
                        staff.organisationCode(),
                        staff.role().name(),
                        passwords.encode(staff.password()),
                        staff.email(),
                        SqlTime.bind(clock.instant()))
                .update();
        return new StaffMember(id, staff.login(), staff.displayName(), staff.organisationCode(), kind, staff.role());
    }

    /** The account with this login, with its password hash. */
    @Transactional(readOnly = true)
    public Optional<Credentials> credentials(String login) {
        return jdbc.sql("""
                        select u.*, o.kind from staff_user u join organisation o on o.code = u.organisation_code
                        where u.login = ?""")
                .param(login)
                .query((rs, row) ->
                        new Credentials(member(rs), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    /** An account as administrators see it: who, whether enabled, since when. */
    public record Account(StaffMember member, @Nullable String email, boolean enabled, Instant createdAt) {}

    /** Every account, by organisation and login. */
    @Transactional(readOnly = true)
    public List<Account> list() {
        return jdbc.sql("""
                        select u.*, o.kind from staff_user u join organisation o on o.code = u.organisation_code
                        order by u.organisation_code, u.login""")
                .query((rs, row) -> new Account(
                        member(rs), rs.getString("email"), rs.getBoolean("enabled"), SqlTime.require(rs, "created_at")))
                .list();
    }

    /** One account as administrators see it. */
    @Transactional(readOnly = true)
    public Optional<Account> account(UUID id) {
        return jdbc.sql("""
                        select u.*, o.kind from staff_user u join organisation o on o.code = u.organisation_code
                        where u.id = ?""")
                .param(id)
                .query((rs, row) -> new Account(
                        member(rs), rs.getString("email"), rs.getBoolean("enabled"), SqlTime.require(rs, "created_at")))
                .optional();
    }

    /** The account with this login. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> byLogin(String login) {
        return credentials(login).map(Credentials::member);
    }

    /** Whether the account exists and is enabled (checked on every request of a page session). */
    @Transactional(readOnly = true)
    public boolean isEnabled(UUID id) {
        return jdbc.sql("select enabled from staff_user where id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Enables or disables an account. A disabled account cannot sign in, its page sessions end at
     * their next request, and its API tokens are refused; nothing of it is deleted.
     *
     * @return whether the account exists
     */
    @Transactional
    public boolean setEnabled(UUID id, boolean enabled) {
        return jdbc.sql("update staff_user set enabled = ? where id = ?")
                        .params(enabled, id)
                        .update()
                == 1;
    }

    /** Replaces an account's password (hashed with today's Argon2id parameters). */
    @Transactional
    public void changePassword(UUID id, String password) {
        checkPassword(password);
        jdbc.sql("update staff_user set password_hash = ? where id = ?")
                .params(passwords.encode(password), id)
                .update();
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > 256) {
            throw new InvalidInputException(
                    "password", "length", "must be " + MIN_PASSWORD_LENGTH + " to 256 characters long");
        }
    }

    /** The account with this id. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> member(UUID id) {
        return jdbc.sql("""
                        select u.*, o.kind from staff_user u join organisation o on o.code = u.organisation_code
                        where u.id = ?""").param(id).query((rs, row) -> member(rs)).optional();
    }

    static StaffMember member(ResultSet rs) throws SQLException {
        return new StaffMember(
                rs.getObject("id", UUID.class),
                rs.getString("login"),
                rs.getString("display_name"),
                rs.getString("organisation_code"),
                OrganisationKind.valueOf(rs.getString("kind")),
                Role.valueOf(rs.getString("role")));
    }
}
