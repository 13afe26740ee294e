package kz.qorgau.signals.tx;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers to E.164 with libphonenumber, numbers without a country code read as Kazakh. Only
 * the numbers of accounts in alerts and clusters are normalised, not every number in the stream.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The number in E.164, or {@code null} when it is not a possible phone number. */
    static @Nullable String e164(@Nullable String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, "KZ");
            if (!UTIL.isPossibleNumber(number)) {
                return null;
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
