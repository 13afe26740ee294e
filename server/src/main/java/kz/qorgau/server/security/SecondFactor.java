package kz.qorgau.server.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor of staff sign-in (RFC 6238: HMAC-SHA-1, six digits, 30-second steps, one
 * step of drift either side). The secret is sealed with {@link FieldCipher}, bound to its row. A code
 * is accepted once: the step it belongs to is stored, and that step and every earlier one are refused
 * from then on. Which roles must use it is configured ({@code qorgau.security.totp-required-roles}).
 * Guessing is throttled by the caller (the sign-in pages count every code tried).
 */
@Service
public class SecondFactor {

    static final String TABLE = "staff_second_factor";
    static final String COLUMN = "secret_sealed";
    private static final String ISSUER = "Qorgau";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final SecurityTime time;
    private final SecuritySettings settings;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(JdbcClient jdbc, FieldCipher cipher, SecurityTime time, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.time = time;
        this.settings = settings;
    }

    /** Whether a member has a second factor: none, waiting for the first code, or enrolled. */
    public enum State {
        NONE,
        PENDING,
        ENROLLED
    }

    /**
     * A secret to put into an authenticator app, shown to its owner only while enrolling.
     *
     * @param secret the secret in base32, as apps accept it typed in
     * @param uri the {@code otpauth://totp/…} URI that apps read from a link or QR code
     */
    public record Enrolment(String secret, String uri) {

        /** The code an authenticator app with this secret shows at the given instant. */
        public String codeAt(Instant at) {
            return Totp.code(Base32.decode(secret), Totp.step(at));
        }

        /** The enrolment URI as a QR code (inline SVG) for an authenticator app to scan. */
        public String qrSvg() {
            return QrSvg.of(uri);
        }

        /** The secret in groups of four, easier to type. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    /** Whether this member's role must sign in with a code. */
    public boolean required(StaffMember member) {
        return settings.totpRequiredRoles().contains(member.role());
    }

    /** The member's second-factor state. */
    @Transactional(readOnly = true)
    public State state(UUID memberId) {
        return jdbc.sql("select confirmed_at from " + TABLE + " where user_id = ?")
                .param(memberId)
                .query((rs, row) -> rs.getObject(1) == null ? State.PENDING : State.ENROLLED)
                .optional()
                .orElse(State.NONE);
    }

    /**
     * Starts enrolment with a new secret, or returns the one already waiting for its first code (so
     * that reloading the page does not invalidate what the app already read). Nothing changes for
     * sign-in until {@link #confirm} accepts a code.
     *
     * @throws IllegalStateException if the member is already enrolled (an administrator resets a lost
     *     factor first)
     */
    @Transactional
    public Enrolment begin(StaffMember member) {
        Optional<Stored> stored = stored(member.id());
        if (stored.isPresent()) {
            if (stored.get().confirmed()) {
                throw new IllegalStateException("the second factor of " + member.login()
                        + " is already enrolled; an administrator resets it before a new one is enrolled");
            }
            return enrolment(member, stored.get().secret());
        }
        String secret = newSecret();
        insert(member.id(), secret, false);
        return enrolment(member, secret);
    }

    /**
     * Confirms a pending enrolment with the first code from the app.
     *
     * @return whether the code was right (then the factor is enrolled and that code is used up)
     */
    @Transactional
    public boolean confirm(StaffMember member, String code) {
        Optional<Stored> stored = stored(member.id());
        if (stored.isEmpty() || stored.get().confirmed()) {
            return false;
        }
        Instant now = time.now();
        OptionalLong step = Totp.matchingStep(Base32.decode(stored.get().secret()), code, now);
        return step.isPresent()
                && jdbc.sql("update " + TABLE + " set confirmed_at = ?, last_used_step = ?"
                                        + " where user_id = ? and confirmed_at is null and last_used_step < ?")
                                .params(SqlTime.bind(now), step.getAsLong(), member.id(), step.getAsLong())
                                .update()
                        == 1;
    }

    /**
     * Checks a code of an enrolled member. A code is accepted once: the same code again, or a code of
     * an earlier step, is refused.
     *
     * @return whether the code is accepted
     */
    @Transactional
    public boolean verify(StaffMember member, String code) {
        Optional<Stored> stored = stored(member.id());
        if (stored.isEmpty() || !stored.get().confirmed()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(Base32.decode(stored.get().secret()), code, time.now());
        // The condition makes two requests with the same code race for one row: only one wins.
        return step.isPresent()
                && jdbc.sql("update " + TABLE + " set last_used_step = ? where user_id = ? and last_used_step < ?")
                                .params(step.getAsLong(), member.id(), step.getAsLong())
                                .update()
                        == 1;
    }

    /**
     * Enrols a member at once with a new secret, without the confirming code: for accounts created by
     * a trusted process that hands the secret to its owner (the demo's personas, tests).
     *
     * @throws IllegalStateException if the member already has a second factor
     */
    @Transactional
    public Enrolment enrolConfirmed(StaffMember member) {
        if (state(member.id()) != State.NONE) {
            throw new IllegalStateException(
                    member.login() + " already has a second factor; an administrator resets it first");
        }
        String secret = newSecret();
        insert(member.id(), secret, true);
        return enrolment(member, secret);
    }

    /**
     * Removes a member's second factor (a lost phone). A member whose role requires one enrols again at
     * the next sign-in.
     *
     * @return whether there was one
     */
    @Transactional
    public boolean reset(UUID memberId) {
        return jdbc.sql("delete from " + TABLE + " where user_id = ?")
                        .param(memberId)
                        .update()
                == 1;
    }

    private record Stored(String secret, boolean confirmed) {}

    private Optional<Stored> stored(UUID memberId) {
        return jdbc.sql("select secret_sealed, confirmed_at from " + TABLE + " where user_id = ?")
                .param(memberId)
                .query((rs, row) -> new Stored(
                        String.valueOf(cipher.open(rs.getBytes(COLUMN), TABLE, COLUMN, memberId)),
                        rs.getObject("confirmed_at") != null))
                .optional();
    }

    private void insert(UUID memberId, String secret, boolean confirmed) {
        Instant now = time.now();
        jdbc.sql("insert into " + TABLE
                        + " (user_id, secret_sealed, created_at, confirmed_at, last_used_step) values (?, ?, ?, ?, ?)")
                .params(
                        memberId,
                        cipher.seal(secret, TABLE, COLUMN, memberId),
                        SqlTime.bind(now),
                        confirmed ? SqlTime.bind(now) : null,
                        // Codes from before the enrolment are never accepted.
                        Totp.step(now) - 2)
                .update();
    }

    private String newSecret() {
        byte[] bytes = new byte[Totp.SECRET_BYTES];
        random.nextBytes(bytes);
        return Base32.encode(bytes);
    }

    private static Enrolment enrolment(StaffMember member, String secret) {
        String label = ISSUER + ":"
                + URLEncoder.encode(member.login(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(
                secret,
                "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
