package kz.qorgau.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which days are worked, in one time zone, for the years it has data for; and deadlines counted in
 * working days. Immutable and thread-safe.
 *
 * <h2>Which days are worked</h2>
 *
 * Monday to Friday are working days and Saturday and Sunday are not, except for the days the data
 * lists: holidays and weekdays given off are not worked, weekend days the government transferred are
 * worked. The data is per year; a year with no data is an error ({@link NoCalendarDataException})
 * rather than a silent weekends-only guess, because a guessed calendar would make a deadline fall
 * before the law's deadline on every missing holiday and escalate an organisation that is not late.
 * {@link #years()} tells the server how far the data reaches, so it can warn administrators in good
 * time to add the next year.
 *
 * <h2>Counting working days</h2>
 *
 * A time limit of N working days from a moment follows the rule of Kazakhstan's Civil Code for
 * periods counted in days, which administrative deadlines (Administrative Procedural Code art. 76:
 * "15 working days from the day of receipt") are counted by: the day of the moment itself is not
 * counted; day 1 is the first working day after it; the deadline is the end (24:00 local time) of
 * the N-th working day. So the time of day of the moment does not matter, a report received on a
 * Friday evening or on a Saturday has Monday as day 1, and a deadline never ends on a day that is
 * not worked. The law lets an organisation's day end at closing time; Qorgau ends it at midnight so
 * that an escalation can never fire while the organisation is still within its legal time.
 *
 * <h2>Calendar files</h2>
 *
 * Plain UTF-8 text, one entry a line; {@code #} starts a comment; blank lines are ignored:
 *
 * <pre>
 * year 2026 official      eGov production calendar 2026      -- the file covers 2026
 * 2026-03-23 holiday Nauryz                                  -- a national or state holiday
 * 2026-01-07 religious-holiday Orthodox Christmas            -- not worked, never moved
 * 2026-03-24 day-off Nauryz fell on Saturday                 -- a weekday not worked
 * 2025-01-05 working-day moved to Friday 3 January           -- a weekend day that is worked
 * </pre>
 *
 * The status after {@code year} is {@code official} (published acts) or {@code provisional}
 * (derived from the law, transfer acts not yet published). Dates must lie in a declared year; a
 * {@code day-off} must be a weekday and a {@code working-day} a Saturday or Sunday; every date at
 * most once. A file may have at most 10,000 lines of at most 200 characters.
 */
public final class WorkingCalendar {

    /** Kazakhstan's single time zone (UTC+5 since 1 March 2024). */
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** The calendar shipped with Qorgau, in the class path next to this class. */
    public static final String KAZAKHSTAN_RESOURCE = "kazakhstan-working-days.txt";

    static final int MAX_LINES = 10_000;
    static final int MAX_LINE_LENGTH = 200;
    static final int MAX_WORKING_DAYS = 10_000;

    private static volatile @Nullable WorkingCalendar shipped;

    private final ZoneId zone;
    private final Map<Integer, CalendarYear> years;
    private final Map<LocalDate, CalendarDay> days;

    private WorkingCalendar(ZoneId zone, Map<Integer, CalendarYear> years, Map<LocalDate, CalendarDay> days) {
        this.zone = zone;
        this.years = years;
        this.days = days;
    }

    /**
     * Builds a calendar from plain data (for example rows an administrator edits in a database).
     *
     * @param zone the zone in which days begin and end
     * @param years the years covered
     * @param days the holidays, days off and worked weekend days; each in a covered year, each date
     *     once, a {@code DAY_OFF} on a weekday, a {@code WORKING_DAY} on a weekend
     * @throws IllegalArgumentException naming the first day that breaks a rule
     */
    public static WorkingCalendar of(ZoneId zone, Collection<CalendarYear> years, Collection<CalendarDay> days) {
        Objects.requireNonNull(zone, "zone");
        Map<Integer, CalendarYear> yearMap = new TreeMap<>();
        for (CalendarYear year : years) {
            if (yearMap.put(year.year(), year) != null) {
                throw new IllegalArgumentException("year " + year.year() + " is declared twice");
            }
        }
        Map<LocalDate, CalendarDay> dayMap = new HashMap<>();
        for (CalendarDay day : days) {
            String problem = problemWith(day, yearMap, dayMap);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            dayMap.put(day.date(), day);
        }
        return new WorkingCalendar(zone, Map.copyOf(yearMap), Map.copyOf(dayMap));
    }

    /**
     * The calendar of Kazakhstan shipped with Qorgau ({@value #KAZAKHSTAN_RESOURCE}), in {@link
     * #ALMATY}.
     *
     * @throws IllegalStateException when the shipped file has a bad line (a bug), or when the JDK's
     *     time-zone data predates Kazakhstan's move to UTC+5 (update the JDK)
     */
    public static WorkingCalendar kazakhstan() {
        WorkingCalendar calendar = shipped;
        if (calendar == null) {
            // Reading twice in a race is harmless: the result is immutable and equal.
            calendar = readKazakhstan();
            shipped = calendar;
        }
        return calendar;
    }

    private static WorkingCalendar readKazakhstan() {
        requireCurrentKazakhstanZoneRules();
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(KAZAKHSTAN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the calendar resource " + KAZAKHSTAN_RESOURCE
                        + " is missing from the class path next to " + WorkingCalendar.class.getName());
            }
            CalendarFile file = read(KAZAKHSTAN_RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8), ALMATY);
            if (!file.isClean()) {
                throw new IllegalStateException(
                        "the shipped calendar " + KAZAKHSTAN_RESOURCE + " has bad lines: " + file.rejected());
            }
            return file.calendar();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + KAZAKHSTAN_RESOURCE, e);
        }
    }

    /**
     * Reads a calendar file (format in the class documentation). Bad lines are rejected with their
     * line number and skipped; the rest is used. Reads at most {@value #MAX_LINES} lines.
     *
     * @param sourceName a name for the source used in messages, e.g. a file name
     * @param reader the text; not closed
     * @param zone the zone in which days begin and end
     * @throws UncheckedIOException when reading fails
     */
    public static CalendarFile read(String sourceName, Reader reader, ZoneId zone) {
        Objects.requireNonNull(sourceName, "sourceName");
        List<RejectedLine> rejected = new ArrayList<>();
        List<NumberedLine> dayLines = new ArrayList<>();
        Map<Integer, CalendarYear> years = new TreeMap<>();
        BufferedReader lines = new BufferedReader(reader);
        try {
            int number = 0;
            for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
                number++;
                if (number > MAX_LINES) {
                    rejected.add(new RejectedLine(
                            number,
                            shorten(raw),
                            sourceName + " has more than " + MAX_LINES + " lines; the rest is ignored"));
                    break;
                }
                if (raw.length() > MAX_LINE_LENGTH) {
                    rejected.add(new RejectedLine(
                            number, shorten(raw), "line longer than " + MAX_LINE_LENGTH + " characters"));
                    continue;
                }
                int hash = raw.indexOf('#');
                String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("year")) {
                    String problem = readYear(line, years);
                    if (problem != null) {
                        rejected.add(new RejectedLine(number, shorten(raw), problem));
                    }
                } else {
                    dayLines.add(new NumberedLine(number, raw, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar " + sourceName, e);
        }
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        for (NumberedLine line : dayLines) {
            @Nullable String problem;
            @Nullable CalendarDay day = null;
            try {
                day = parseDay(line.content());
                problem = problemWith(day, years, days);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null || day == null) {
                rejected.add(new RejectedLine(line.number(), shorten(line.raw()), String.valueOf(problem)));
            } else {
                days.put(day.date(), day);
            }
        }
        rejected.sort((a, b) -> Integer.compare(a.lineNumber(), b.lineNumber()));
        return new CalendarFile(new WorkingCalendar(zone, Map.copyOf(years), Map.copyOf(days)), rejected);
    }

    /** The zone in which days begin and end. */
    public ZoneId zone() {
        return zone;
    }

    /** The years the calendar has data for, in ascending order. */
    public List<CalendarYear> years() {
        return years.values().stream()
                .sorted((a, b) -> Integer.compare(a.year(), b.year()))
                .toList();
    }

    /**
     * The last day of the last year with data, if any. The server should warn administrators well
     * before it: a deadline counted past it fails, and the outcome limit (30 working days) reaches about
     * six weeks ahead.
     */
    public Optional<LocalDate> coveredUntil() {
        return years.keySet().stream().max(Integer::compare).map(year -> LocalDate.of(year, 12, 31));
    }

    /** Whether the calendar has data for the year. */
    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /**
     * The listed days (holidays, days off, worked weekend days), in date order. O(n log n) in their
     * number.
     */
    public List<CalendarDay> days() {
        return days.values().stream()
                .sorted((a, b) -> a.date().compareTo(b.date()))
                .toList();
    }

    /** What the data says about a date, if it lists it; plain weekdays and weekends are not listed. */
    public Optional<CalendarDay> day(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(days.get(date));
    }

    /**
     * Whether the date is a working day. O(1).
     *
     * @throws NoCalendarDataException when the calendar has no data for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        CalendarDay listed = days.get(date);
        if (listed != null) {
            return listed.kind().isWorked();
        }
        return !isWeekend(date);
    }

    /**
     * The deadline N working days after a moment: the end (24:00 in {@link #zone()}) of the N-th
     * working day after the day of the moment (the rule is in the class documentation). Zero days
     * gives the moment itself. O(N + days off on the way).
     *
     * @param from the moment the period starts from
     * @param workingDays the number of working days, 0 to {@value #MAX_WORKING_DAYS}
     * @throws NoCalendarDataException when the count reaches a year with no data
     */
    public Instant addWorkingDays(Instant from, int workingDays) {
        Objects.requireNonNull(from, "from");
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "working days must be between 0 and " + MAX_WORKING_DAYS + ", got " + workingDays);
        }
        if (workingDays == 0) {
            return from;
        }
        LocalDate day = LocalDate.ofInstant(from, zone);
        requireCovered(day);
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The time between two moments that falls on working days (whole local days that are worked,
     * midnight to midnight). Used for response times that should not count weekends and holidays.
     * O(days between).
     *
     * @param from the earlier moment
     * @param to the later moment, not before {@code from}
     * @throws NoCalendarDataException when the interval touches a year with no data
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        Duration total = Duration.ZERO;
        LocalDate day = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to, zone);
        while (!day.isAfter(last)) {
            if (isWorkingDay(day)) {
                Instant dayStart = day.atStartOfDay(zone).toInstant();
                Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
                Instant start = dayStart.isBefore(from) ? from : dayStart;
                Instant end = dayEnd.isAfter(to) ? to : dayEnd;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + ", years "
                + years.keySet().stream().sorted().toList() + ", " + days.size() + " listed days]";
    }

    private void requireCovered(LocalDate date) {
        if (!years.containsKey(date.getYear())) {
            throw new NoCalendarDataException(
                    date,
                    years.isEmpty()
                            ? "no years"
                            : years.keySet().stream()
                                    .sorted()
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    private static String shorten(String line) {
        return line.length() <= MAX_LINE_LENGTH ? line : line.substring(0, MAX_LINE_LENGTH);
    }

    /** Null when the day fits the calendar built so far, otherwise what is wrong and how to fix it. */
    private static @Nullable String problemWith(
            CalendarDay day, Map<Integer, CalendarYear> years, Map<LocalDate, CalendarDay> days) {
        if (!years.containsKey(day.date().getYear())) {
            return day.date() + " lies in " + day.date().getYear() + ", which no 'year' line declares; add 'year "
                    + day.date().getYear() + " official' (or provisional)";
        }
        CalendarDay earlier = days.get(day.date());
        if (earlier != null) {
            return day.date() + " is listed twice (already as " + earlier.kind().code() + " " + earlier.name()
                    + "); keep one line per date";
        }
        if (day.kind() == CalendarDay.Kind.DAY_OFF && isWeekend(day.date())) {
            return day.date() + " is a " + weekday(day.date()) + ", already a day off; a day-off line is for a weekday";
        }
        if (day.kind() == CalendarDay.Kind.WORKING_DAY && !isWeekend(day.date())) {
            return day.date() + " is a " + weekday(day.date())
                    + ", already a working day; a working-day line is for a Saturday or Sunday";
        }
        return null;
    }

    private static String weekday(LocalDate date) {
        return date.getDayOfWeek().toString().toLowerCase(Locale.ROOT);
    }

    private static CalendarDay parseDay(String line) {
        String[] parts = line.split("\\s+", 3);
        LocalDate date;
        try {
            date = LocalDate.parse(parts[0]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + parts[0] + "' is neither 'year' nor a date written YYYY-MM-DD", e);
        }
        if (parts.length < 2) {
            throw new IllegalArgumentException("a kind must follow the date: one of " + kinds());
        }
        CalendarDay.Kind kind = null;
        for (CalendarDay.Kind candidate : CalendarDay.Kind.values()) {
            if (candidate.code().equals(parts[1])) {
                kind = candidate;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind '" + parts[1] + "'; use one of " + kinds());
        }
        if (parts.length < 3 || parts[2].isBlank()) {
            throw new IllegalArgumentException("a name must follow the kind, saying what the day is");
        }
        return new CalendarDay(date, kind, parts[2].strip());
    }

    private static String kinds() {
        List<String> codes = new ArrayList<>();
        for (CalendarDay.Kind kind : CalendarDay.Kind.values()) {
            codes.add(kind.code());
        }
        return String.join(", ", codes);
    }

    /** Null when the year line was added, otherwise what is wrong. */
    private static @Nullable String readYear(String line, Map<Integer, CalendarYear> years) {
        String[] parts = line.split("\\s+", 4);
        if (!parts[0].equals("year")) {
            return "'" + parts[0] + "' is neither 'year' nor a date written YYYY-MM-DD";
        }
        if (parts.length < 3) {
            return "write 'year YYYY official' or 'year YYYY provisional'";
        }
        int year;
        try {
            year = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return "'" + parts[1] + "' is not a year";
        }
        if (year < 1900 || year > 9999) {
            return "year " + year + " is out of range";
        }
        CalendarYear.Status status = null;
        for (CalendarYear.Status candidate : CalendarYear.Status.values()) {
            if (candidate.code().equals(parts[2])) {
                status = candidate;
            }
        }
        if (status == null) {
            return "unknown status '" + parts[2] + "'; use official or provisional";
        }
        if (years.containsKey(year)) {
            return "year " + year + " is declared twice";
        }
        years.put(year, new CalendarYear(year, status, parts.length > 3 ? parts[3].strip() : ""));
        return null;
    }

    private static void requireCurrentKazakhstanZoneRules() {
        ZoneOffset offset = ALMATY.getRules().getOffset(LocalDateTime.of(2025, 1, 1, 12, 0));
        if (!offset.equals(ZoneOffset.ofHours(5))) {
            throw new IllegalStateException("This JDK's time-zone data gives Asia/Almaty the offset " + offset
                    + " in 2025, but Kazakhstan has used UTC+5 since 1 March 2024 (tzdata 2024a). Deadlines"
                    + " would be an hour off: update the JDK, or its tz data with Oracle's TZUpdater.");
        }
    }

    private record NumberedLine(int number, String raw, String content) {}
}
