package kz.qorgau.signals.tx.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.AccountProfile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the optional accounts file: CSV with the header
 * {@code account,holder_birth_date,holder_phone,opened_at,kind} (dates {@code yyyy-MM-dd}, empty when
 * unknown). Bad rows are named with their line and skipped.
 */
public final class AccountsCsv {

    static final List<String> COLUMNS = List.of("account", "holder_birth_date", "holder_phone", "opened_at", "kind");

    private AccountsCsv() {}

    /**
     * What was read: the directory, the rows that were refused, and whether the file could be read to
     * the end.
     *
     * @param directory every valid account
     * @param problems refused rows, and at most one {@link InputRow.Aborted} last
     */
    public record Result(AccountDirectory directory, List<InputRow> problems) {

        /** Copies the list. */
        public Result {
            problems = List.copyOf(problems);
        }

        /** Whether reading stopped before the end of the file. */
        public boolean aborted() {
            return !problems.isEmpty() && problems.get(problems.size() - 1) instanceof InputRow.Aborted;
        }
    }

    /** Reads the whole file; O(rows) time, memory O(accounts). */
    public static Result read(Reader reader) {
        AccountDirectory.Builder directory = AccountDirectory.builder();
        List<InputRow> problems = new ArrayList<>();
        Map<String, String> kinds = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new LineLengthLimit(reader, TransactionReader.MAX_LINE))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(new InputRow.Aborted(
                        1, "the accounts file is empty; expected the header " + String.join(",", COLUMNS)));
                return new Result(directory.build(), problems);
            }
            CSVRecord header = records.next();
            int[] index = new int[COLUMNS.size()];
            List<String> missing = new ArrayList<>();
            List<String> names = new ArrayList<>();
            header.forEach(h -> names.add(h.strip().replace("\uFEFF", "")));
            for (int i = 0; i < COLUMNS.size(); i++) {
                index[i] = names.indexOf(COLUMNS.get(i));
                if (index[i] < 0) {
                    missing.add(COLUMNS.get(i));
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new InputRow.Aborted(
                        1,
                        "wrong header in the accounts file: missing " + String.join(", ", missing) + "; expected "
                                + String.join(",", COLUMNS)));
                return new Result(directory.build(), problems);
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    problems.add(new InputRow.Rejected(
                            line, "expected " + header.size() + " fields as in the header, found " + record.size()));
                    continue;
                }
                Object profile = profile(record, index, kinds, dates);
                if (profile instanceof String problem) {
                    problems.add(new InputRow.Rejected(line, problem));
                } else if (!directory.add((AccountProfile) profile)) {
                    problems.add(new InputRow.Rejected(
                            line, "account " + ((AccountProfile) profile).account() + " is listed twice"));
                }
            }
        } catch (UncheckedIOException e) {
            problems.add(aborted(e.getCause()));
        } catch (IOException e) {
            problems.add(aborted(e));
        }
        return new Result(directory.build(), problems);
    }

    private static InputRow aborted(IOException e) {
        if (e instanceof LineLengthLimit.LineTooLong tooLong) {
            return new InputRow.Aborted(tooLong.line, tooLong.getMessage());
        }
        return new InputRow.Aborted(0, "the accounts file cannot be read past this point: " + e.getMessage());
    }

    private static Object profile(
            CSVRecord record, int[] index, Map<String, String> kinds, Map<String, LocalDate> dates) {
        String account = record.get(index[0]).strip();
        if (account.isEmpty() || account.length() > FieldParser.MAX_ACCOUNT) {
            return "account must have 1 to " + FieldParser.MAX_ACCOUNT + " characters";
        }
        Object birth = date("holder_birth_date", record.get(index[1]), dates);
        if (birth instanceof String problem) {
            return problem + " (account " + account + ")";
        }
        Object opened = date("opened_at", record.get(index[3]), dates);
        if (opened instanceof String problem) {
            return problem + " (account " + account + ")";
        }
        String phone = record.get(index[2]).strip();
        if (phone.length() > FieldParser.MAX_PHONE) {
            return "holder_phone is longer than " + FieldParser.MAX_PHONE + " characters (account " + account + ")";
        }
        String kind = record.get(index[4]).strip();
        if (kind.length() > FieldParser.MAX_CHANNEL) {
            return "kind is longer than " + FieldParser.MAX_CHANNEL + " characters (account " + account + ")";
        }
        String sharedKind = kinds.size() < 1000 ? kinds.computeIfAbsent(kind, k -> k) : kind;
        return new AccountProfile(
                account,
                (LocalDate) nullable(birth),
                phone.isEmpty() ? null : phone,
                (LocalDate) nullable(opened),
                sharedKind);
    }

    private static @Nullable Object nullable(Object value) {
        return value == Boolean.FALSE ? null : value;
    }

    /**
     * A LocalDate, Boolean.FALSE for empty, or a String problem. Dates repeat across a million accounts
     * (a few thousand birthdays and opening days), so each is kept once.
     */
    private static Object date(String field, String raw, Map<String, LocalDate> dates) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return Boolean.FALSE;
        }
        LocalDate known = dates.get(text);
        if (known != null) {
            return known;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > FieldParser.MAX_YEAR) {
                return field + " '" + FieldParser.clip(text) + "' is outside the years 1900–" + FieldParser.MAX_YEAR;
            }
            if (dates.size() < 200_000) {
                dates.put(text, date);
            }
            return date;
        } catch (DateTimeParseException e) {
            return field + " '" + FieldParser.clip(text) + "' is not a possible date such as 2008-06-12";
        }
    }
}
