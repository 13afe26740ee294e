package kz.qorgau.signals.identifiers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers in E.164 form ({@code +77771234567}), the key that joins ads, payments and case
 * files. Parsing and validation are libphonenumber's; Kazakhstan ({@code KZ}) is the default region,
 * so national forms such as {@code 8 (777) 123-45-67} and {@code 7771234567} are read as Kazakh
 * numbers. Thread-safe.
 */
public final class PhoneNumbers {

    /** The region national numbers are read in unless a caller says otherwise. */
    public static final String DEFAULT_REGION = "KZ";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_RAW_LENGTH = 200;

    /**
     * Validation is the costliest step of extraction and the same numbers recur across an
     * operator's ads, so results are kept (bounded; cleared when full).
     */
    private static final int CACHE_LIMIT = 100_000;

    private static final ConcurrentHashMap<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private PhoneNumbers() {}

    /**
     * Normalises one phone number as a person typed it (a case worker's record, a payment's
     * counterparty, a form field) to E.164, reading national numbers as Kazakh. Accepts the usual
     * formats, and also a number spelled out in words or written with look-alike letters
     * ({@code "восемь 777 123 45 67"}).
     *
     * @return the E.164 form, or empty if the text is not exactly one valid number
     */
    public static Optional<String> toE164(String raw) {
        return toE164(raw, DEFAULT_REGION);
    }

    /**
     * As {@link #toE164(String)}, reading national numbers in {@code region}.
     *
     * @param region ISO 3166 two-letter region code, e.g. {@code "KZ"}
     * @throws IllegalArgumentException if the region is not one libphonenumber knows
     */
    public static Optional<String> toE164(String raw, String region) {
        Objects.requireNonNull(raw, "raw");
        requireRegion(region);
        if (raw.isBlank() || raw.length() > MAX_RAW_LENGTH) {
            return Optional.empty();
        }
        Optional<String> direct = parse(raw, region);
        if (direct.isPresent()) {
            return direct;
        }
        List<PhoneMention> found =
                IdentifierExtractor.forRegion(region).extract(raw).phones();
        return found.size() == 1 ? Optional.of(found.get(0).e164()) : Optional.empty();
    }

    /** Whether a string is a valid number already in E.164 form. */
    public static boolean isE164(String value) {
        return value.startsWith("+")
                && parse(value, DEFAULT_REGION).filter(value::equals).isPresent();
    }

    /** libphonenumber's reading of a plainly written number, if valid. */
    static Optional<String> parse(CharSequence number, String region) {
        String key = region + number;
        Optional<String> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> parsed = parseUncached(number, region);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, parsed);
        return parsed;
    }

    private static Optional<String> parseUncached(CharSequence number, String region) {
        Optional<String> fast = parseDigits(number, region);
        if (fast != null) {
            return fast;
        }
        try {
            PhoneNumber parsed = UTIL.parse(number, region);
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The same reading for a string of ASCII digits (with an optional leading '+'), without
     * libphonenumber's general text parsing, which costs ten times more: the country code or the
     * region's national prefix is stripped and the rest validated against the region metadata.
     * Returns null when the shortcut does not apply (the caller then parses in full).
     */
    @SuppressWarnings("NullableOptional")
    static @Nullable Optional<String> parseDigits(CharSequence number, String region) {
        boolean plus = number.length() > 0 && number.charAt(0) == '+';
        int from = plus ? 1 : 0;
        int length = number.length() - from;
        if (length < 4 || length > 17) {
            return null;
        }
        for (int i = from; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        String digits = number.subSequence(from, number.length()).toString();
        int countryCode;
        String national;
        if (plus) {
            countryCode = 0;
            national = "";
            for (int ccLength = 1; ccLength <= 3 && ccLength < digits.length(); ccLength++) {
                int cc = Integer.parseInt(digits.substring(0, ccLength));
                if (!UTIL.getRegionCodeForCountryCode(cc).equals("ZZ")) {
                    countryCode = cc;
                    national = digits.substring(ccLength);
                    break;
                }
            }
            if (countryCode == 0) {
                return Optional.empty();
            }
        } else {
            String ndd = UTIL.getNddPrefixForRegion(region, true);
            String prefix = ndd == null ? "" : ndd;
            countryCode = UTIL.getCountryCodeForRegion(region);
            String cc = Integer.toString(countryCode);
            if (!prefix.isEmpty() && digits.startsWith(prefix)) {
                national = digits.substring(prefix.length());
            } else if (digits.startsWith(cc) && digits.length() > 10) {
                national = digits.substring(cc.length());
            } else {
                national = digits;
            }
        }
        if (national.isEmpty() || national.charAt(0) == '0' || national.length() > 14) {
            return null;
        }
        PhoneNumber candidate =
                new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
        return UTIL.isValidNumber(candidate) ? Optional.of("+" + countryCode + national) : Optional.empty();
    }

    static String requireRegion(String region) {
        Objects.requireNonNull(region, "region");
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException(
                    "unknown phone region '" + region + "'; use an ISO 3166 two-letter code such as KZ");
        }
        return region;
    }
}
