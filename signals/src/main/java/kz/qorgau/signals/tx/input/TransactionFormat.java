package kz.qorgau.signals.tx.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The transaction file formats Qorgau reads. */
public enum TransactionFormat {
    /**
     * CSV with the header
     * {@code id,timestamp,from_account,to_account,amount,currency,channel,from_phone,to_phone,merchant_category,memo,city}.
     */
    CSV("csv"),
    /** ISO 20022 camt.053 bank-to-customer statement (versions .001.02 to .001.13). */
    CAMT053("camt053"),
    /** One JSON object per line with the CSV's fields. */
    JSONL("jsonl");

    private final String option;

    TransactionFormat(String option) {
        this.option = option;
    }

    /** The name used on the command line: {@code csv}, {@code camt053}, {@code jsonl}. */
    public String option() {
        return option;
    }

    /**
     * The format of a file: by its extension ({@code .csv}, {@code .xml}, {@code .jsonl}/{@code .ndjson}),
     * otherwise by its first non-blank character ({@code <} XML, {@code {} JSON, else CSV).
     */
    public static TransactionFormat of(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".xml") || name.contains("camt")) {
            return CAMT053;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            for (byte b : head) {
                if (b == '<') {
                    return CAMT053;
                }
                if (b == '{') {
                    return JSONL;
                }
                if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                    return CSV;
                }
            }
        }
        return CSV;
    }

    /** The format named on the command line. */
    public static TransactionFormat named(String option) {
        for (TransactionFormat format : values()) {
            if (format.option.equalsIgnoreCase(option)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + option + "'; use csv, camt053 or jsonl");
    }
}
