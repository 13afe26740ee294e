package kz.qorgau.signals.tx;

import org.jspecify.annotations.Nullable;

/**
 * A phone number as a number, cheaply, for telling whether two accounts share one: the digits,
 * with the Kazakh national forms read as +7 ({@code 8 701 …} and {@code 701 …}). It runs once per
 * account, not per transaction, but a million times in a run, so it does not call libphonenumber
 * (which formats the phones of alerts, see {@link PhoneNumbers}).
 */
final class PhoneKeys {

    /** Not a phone number. */
    static final long NONE = 0;

    private PhoneKeys() {}

    /**
     * The number's digits as a {@code long}, country code first, or {@link #NONE} when the text has
     * fewer than 10 or more than 15 digits (E.164's maximum) or letters in it.
     */
    static long of(@Nullable String raw) {
        if (raw == null) {
            return NONE;
        }
        long value = 0;
        int digits = 0;
        int first = -1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 0) {
                    first = c - '0';
                }
                if (++digits > 15) {
                    return NONE;
                }
                value = value * 10 + (c - '0');
            } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                return NONE;
            }
        }
        if (digits == 11 && first == 8) {
            // 8 7xx xxx xx xx: the Kazakh trunk prefix in place of the country code 7.
            value -= 10_000_000_000L;
        } else if (digits == 10 && first == 7) {
            // 7xx xxx xx xx: a Kazakh mobile number without the country code.
            value += 70_000_000_000L;
        } else if (digits < 10) {
            return NONE;
        }
        return value;
    }
}
