package kz.qorgau.server.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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

/** Staff accounts: creation with a hashed password, and lookup for sign-in. */
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
    public StaffMember add(NewStaff staff) {
        if (!LOGIN.matcher(staff.login()).matches()) {
            throw new InvalidInputException(
                    "login",
                    "pattern",
                    "use 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (staff.password().length() < MIN_PASSWORD_LENGTH || staff.password().length() > 256) {
            throw new InvalidInputException(
                    "password", "length", "must be " + MIN_PASSWORD_LENGTH + " to 256 characters long");
        }
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
