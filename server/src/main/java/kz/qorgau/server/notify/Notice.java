package kz.qorgau.server.notify;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What to tell an organisation. No personal data: a case reference and a link, never names or
 * narratives.
 *
 * @param organisationCode the organisation to tell (a code from the directory)
 * @param kind why it is told
 * @param caseId the case; the link in the notice opens it for signed-in staff
 * @param caseReference the case's reference as staff see it, e.g. {@code Q-2027-000123}: letters,
 *     digits, {@code . _ - /}, at most 64
 * @param detail a short non-personal text such as "acknowledgement overdue": at most 200 characters,
 *     one line, not blank
 * @throws IllegalArgumentException when a value breaks these limits (a bug in the caller)
 */
public record Notice(
        String organisationCode,
        NoticeKind kind,
        UUID caseId,
        String caseReference,
        @Nullable String detail) {

    /** The longest {@link #detail} accepted. */
    public static final int MAX_DETAIL = 200;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}._/-]{1,64}");

    public Notice {
        if (organisationCode == null || !CODE.matcher(organisationCode).matches()) {
            throw new IllegalArgumentException(
                    "organisationCode must be a directory code (1-64 letters, digits, '.', '_', '-'), was "
                            + quoted(organisationCode));
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (caseId == null) {
            throw new IllegalArgumentException("caseId is required");
        }
        if (caseReference == null || !REFERENCE.matcher(caseReference).matches()) {
            throw new IllegalArgumentException(
                    "caseReference must be 1-64 letters, digits, '.', '_', '/', '-' (e.g. Q-2027-000123), was "
                            + quoted(caseReference));
        }
        if (detail != null) {
            if (detail.length() > MAX_DETAIL) {
                throw new IllegalArgumentException("detail must be at most " + MAX_DETAIL
                        + " characters (a short non-personal text such as \"acknowledgement overdue\"), was "
                        + detail.length());
            }
            if (detail.isBlank() || detail.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(
                        "detail must be one line of text, not blank; pass null when there is nothing to add");
            }
        }
    }

    private static String quoted(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 70 ? value.substring(0, 70) + "…" : value) + "'";
    }
}
