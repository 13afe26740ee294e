package kz.qorgau.signals.tx;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Formats minor units of the reference currency for evidence: exact, grouped, with the code. */
final class Money {

    private final Currency currency;
    private final int digits;

    Money(Currency currency) {
        this.currency = currency;
        this.digits = Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The amount in major units, exactly. */
    BigDecimal major(long minor) {
        BigDecimal value = BigDecimal.valueOf(minor, digits);
        return value.signum() == 0 || value.remainder(BigDecimal.ONE).signum() == 0 ? value.setScale(0) : value;
    }

    /** E.g. {@code 3,329,881 KZT}. */
    String format(long minor) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(major(minor)) + " " + currency.getCurrencyCode();
    }

    Currency currency() {
        return currency;
    }

    /** A share as a whole percentage, e.g. {@code 62%}. */
    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** A ratio rounded to two decimals, for facts. */
    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
