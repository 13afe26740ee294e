package kz.qorgau.signals.tx.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import kz.qorgau.signals.tx.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * Validates the text fields of one transaction, shared by the CSV and JSON lines readers. Fast paths
 * for the canonical forms (a file of ten million rows is mostly these); anything else goes through
 * java.time. Every refusal names the field and says what a valid value looks like.
 */
final class FieldParser {

    static final int MAX_ID = 128;
    static final int MAX_ACCOUNT = 64;
    static final int MAX_PHONE = 40;
    static final int MAX_CHANNEL = 32;
    static final int MAX_MEMO = 1000;
    static final int MAX_CITY = 100;
    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;
    /** 10^15 minor units: far above any single transfer, far below overflow. */
    static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

    private final Map<String, Currency> currencies = new HashMap<>();
    private final Map<String, String> channels = new HashMap<>();
    private final Map<String, String> cities = new HashMap<>();
    private final Map<Integer, ZoneOffset> offsets = new HashMap<>();

    /** The raw fields of one row; empty strings for absent values. */
    record Fields(
            String id,
            String timestamp,
            String fromAccount,
            String toAccount,
            String amount,
            String currency,
            String channel,
            String fromPhone,
            String toPhone,
            String merchantCategory,
            String memo,
            String city) {}

    /** The transaction, or the reason it is not one. */
    InputRow row(long line, Fields f) {
        String id = f.id().strip();
        if (id.isEmpty()) {
            return new InputRow.Rejected(line, "id is empty; every transaction needs the bank's identifier");
        }
        if (id.length() > MAX_ID) {
            return new InputRow.Rejected(line, "id is longer than " + MAX_ID + " characters");
        }
        String from = f.fromAccount().strip();
        String to = f.toAccount().strip();
        String accountProblem = account("from_account", from);
        if (accountProblem == null) {
            accountProblem = account("to_account", to);
        }
        if (accountProblem != null) {
            return new InputRow.Rejected(line, accountProblem + " (transaction " + id + ")");
        }
        if (from.equals(to)) {
            return new InputRow.Skipped(
                    line,
                    "transfer from " + from + " to itself moves no money between people: not screened (transaction "
                            + id + ")");
        }
        Object time = timestamp(f.timestamp());
        if (time instanceof String problem) {
            return new InputRow.Rejected(line, problem + " (transaction " + id + ")");
        }
        Object currency = currency(f.currency());
        if (currency instanceof String problem) {
            return new InputRow.Rejected(line, problem + " (transaction " + id + ")");
        }
        Currency ccy = (Currency) currency;
        long amount = amountMinor(f.amount(), ccy);
        if (amount < 0) {
            return new InputRow.Rejected(line, amountProblem(f.amount(), ccy) + " (transaction " + id + ")");
        }
        int mcc = merchantCategory(f.merchantCategory());
        if (mcc == -2) {
            return new InputRow.Rejected(
                    line,
                    "merchant_category '" + clip(f.merchantCategory())
                            + "' is not a four-digit ISO 18245 code such as 5411; leave it empty when there is none"
                            + " (transaction " + id + ")");
        }
        String channel = f.channel().strip();
        if (channel.length() > MAX_CHANNEL) {
            return new InputRow.Rejected(line, "channel is longer than " + MAX_CHANNEL + " characters");
        }
        String fromPhone = f.fromPhone().strip();
        String toPhone = f.toPhone().strip();
        if (fromPhone.length() > MAX_PHONE || toPhone.length() > MAX_PHONE) {
            return new InputRow.Rejected(line, "a phone number is longer than " + MAX_PHONE + " characters");
        }
        String memo = f.memo().strip();
        if (memo.length() > MAX_MEMO) {
            return new InputRow.Rejected(
                    line, "memo is longer than " + MAX_MEMO + " characters (transaction " + id + ")");
        }
        String city = f.city().strip();
        if (city.length() > MAX_CITY) {
            return new InputRow.Rejected(line, "city is longer than " + MAX_CITY + " characters");
        }
        return new InputRow.Parsed(
                line,
                new Transaction(
                        id,
                        (OffsetDateTime) time,
                        from,
                        to,
                        amount,
                        ccy,
                        channel(channel),
                        fromPhone.isEmpty() ? null : fromPhone,
                        toPhone.isEmpty() ? null : toPhone,
                        mcc,
                        memo,
                        canonical(cities, city)));
    }

    private static @Nullable String account(String field, String value) {
        if (value.isEmpty()) {
            return field + " is empty";
        }
        if (value.length() > MAX_ACCOUNT) {
            return field + " is longer than " + MAX_ACCOUNT + " characters";
        }
        return null;
    }

    /** The channel in lower case, looked up by its raw spelling so that a repeated one costs no copy. */
    private String channel(String raw) {
        String known = channels.get(raw);
        if (known != null) {
            return known;
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (channels.size() < 1000) {
            channels.put(raw, lower);
        }
        return lower;
    }

    /** Repeated short values (cities) share one String instead of one per row. */
    private static String canonical(Map<String, String> pool, String value) {
        if (value.isEmpty()) {
            return "";
        }
        String known = pool.get(value);
        if (known != null) {
            return known;
        }
        if (pool.size() < 10_000) {
            pool.put(value, value);
        }
        return value;
    }

    /** An {@link OffsetDateTime}, or a String saying what is wrong. */
    Object timestamp(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return "timestamp is empty";
        }
        OffsetDateTime fast = fastTimestamp(text);
        if (fast != null) {
            return fast;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text);
            if (parsed.getYear() < MIN_YEAR || parsed.getYear() > MAX_YEAR) {
                return "timestamp '" + clip(text) + "' is outside the years " + MIN_YEAR + "–" + MAX_YEAR;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(text);
                return "timestamp '" + clip(text) + "' has no UTC offset; write it as e.g. 2026-03-07T19:34:38+05:00";
            } catch (DateTimeParseException notLocal) {
                return "timestamp '" + clip(text)
                        + "' is not a possible ISO-8601 date and time with offset such as 2026-03-07T19:34:38+05:00";
            }
        }
    }

    /** yyyy-MM-ddTHH:mm:ss(±HH:MM|Z); null when the text has another shape or is impossible. */
    private @Nullable OffsetDateTime fastTimestamp(String s) {
        int n = s.length();
        if (n != 20 && n != 25) {
            return null;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int offsetSeconds;
        if (n == 20) {
            if (s.charAt(19) != 'Z') {
                return null;
            }
            offsetSeconds = 0;
        } else {
            char sign = s.charAt(19);
            int oh = digits(s, 20, 2);
            int om = digits(s, 23, 2);
            if (sign != '+' && sign != '-' || s.charAt(22) != ':' || oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        ZoneOffset offset = offsets.get(offsetSeconds);
        if (offset == null) {
            try {
                offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
            } catch (DateTimeException e) {
                return null;
            }
            offsets.put(offsetSeconds, offset);
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A {@link Currency}, or a String saying what is wrong. */
    Object currency(String raw) {
        String code = raw.strip();
        Currency known = currencies.get(code);
        if (known != null) {
            return known;
        }
        if (code.length() != 3) {
            return "currency '" + clip(code) + "' is not a three-letter ISO 4217 code such as KZT";
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currencies.size() < 1000) {
                currencies.put(code, currency);
            }
            return currency;
        } catch (IllegalArgumentException e) {
            return "currency '" + code + "' is not an ISO 4217 currency code (e.g. KZT, USD, EUR)";
        }
    }

    /**
     * The amount in minor units of the currency, or -1 when it is not a positive plain decimal with at
     * most the currency's decimal places.
     */
    static long amountMinor(String raw, Currency currency) {
        String text = raw.strip();
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        int n = text.length();
        if (n == 0 || n > 24) {
            return -1;
        }
        long value = 0;
        int fraction = -1;
        int integerDigits = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (fraction >= 0 || i == 0 || i == n - 1) {
                    return -1;
                }
                fraction = 0;
            } else if (c >= '0' && c <= '9') {
                if (fraction >= 0) {
                    fraction++;
                    if (fraction > digits) {
                        return -1;
                    }
                } else if (++integerDigits > 16) {
                    return -1;
                }
                value = value * 10 + (c - '0');
            } else {
                return -1;
            }
        }
        for (int f = Math.max(fraction, 0); f < digits; f++) {
            value *= 10;
        }
        if (value <= 0 || value > MAX_AMOUNT_MINOR) {
            return -1;
        }
        return value;
    }

    private static String amountProblem(String raw, Currency currency) {
        String text = raw.strip();
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        if (text.isEmpty()) {
            return "amount is empty";
        }
        if (text.startsWith("-")) {
            return "amount '" + clip(text) + "' is negative; the direction is given by from_account and to_account";
        }
        if (text.matches("\\+?0*(\\.0*)?")) {
            return "amount '" + clip(text) + "' is zero";
        }
        int dot = text.indexOf('.');
        if (text.matches("[0-9]+\\.[0-9]+") && text.length() - dot - 1 > digits) {
            return "amount '" + clip(text) + "' has more decimal places than " + currency.getCurrencyCode()
                    + " allows (" + digits + ")";
        }
        return "amount '" + clip(text) + "' is not a positive decimal number such as 15055 or 15055.50"
                + " (no signs, spaces, thousands separators or exponents; at most "
                + MAX_AMOUNT_MINOR / 100 + ")";
    }

    /** The code, {@link Transaction#NO_MCC} for empty, or -2 when it is not four digits. */
    static int merchantCategory(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return Transaction.NO_MCC;
        }
        if (text.length() != 4) {
            return -2;
        }
        int value = digits(text, 0, 4);
        return value < 0 ? -2 : value;
    }

    static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
