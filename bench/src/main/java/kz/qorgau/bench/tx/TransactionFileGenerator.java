package kz.qorgau.bench.tx;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a transactions CSV and an accounts CSV with a seeded {@link Random}: a town's worth of
 * ordinary life (salaries, card payments at merchants, transfers between people, shops and tutors
 * paid on personal accounts, students supported by family, class-gift collections) and, hidden in
 * it, exploitation rings: minors' accounts paid by many clients in the evening, at night or at
 * weekends and emptied within hours into a collector (two or more victims) or one or two
 * controllers (one victim). Some victims also pay hotels in several cities or get suggestive memos.
 * Rows are written in time order, one day at a time, so memory stays small.
 */
final class TransactionFileGenerator {

    static final int DAYS = 30;
    static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 2, 0, 0, 0, 0, ZoneOffset.ofHours(5));
    static final String HEADER =
            "id,timestamp,from_account,to_account,amount,currency,channel,from_phone,to_phone,merchant_category,memo,city";

    private static final String[] CITIES = {"Almaty", "Astana", "Shymkent", "Qyzylorda", "Aktobe", "Turkistan"};
    private static final int[] MERCHANT_MCC = {
        5411, 5411, 5411, 5411, 5411, 5411, 5812, 5812, 5812, 4111, 4111, 4111, 5912, 4900, 5541, 5814, 5814, 4121,
        5311, 5651, 7011, 5732, 5999, 5462
    };
    private static final String[] CLIENT_MEMOS = {"за ночь", "overnight", "бір түнге", "за встречу"};

    /** Roles of the planted ring accounts, by account name. */
    final Map<String, String> plantedRoles = new HashMap<>();

    private final int transactions;
    private final int accounts;
    private final Random random;

    // Account index ranges by role.
    private final int merchants;
    private final int employers;
    private final int shops;
    private final int tutors;
    private final int students;
    private final int firstPerson;
    private final int[] merchantMcc;
    private final int[] city;
    private final List<Ring> rings = new ArrayList<>();
    private final List<SplitRing> splitRings = new ArrayList<>();
    /** The second account of a split victim → her first account, whose phone number both carry. */
    private final Map<Integer, Integer> sharedPhone = new HashMap<>();
    /** Birth dates of split victims, the same on both accounts. */
    private final Map<Integer, LocalDate> splitBirth = new HashMap<>();

    private long nextId;

    /** A planted ring: victims, each with a style, and where their money goes. */
    private record Ring(int[] victims, int[] recipients, boolean[] weekendStyle, boolean[] lodging, boolean[] memos) {}

    /**
     * A victim whose few clients pay into either of her two accounts (one phone number), each of
     * which passes its money on to one controller: each account alone stays below the rules'
     * minimums; only the two together show the pattern.
     */
    private record SplitRing(int first, int second, int controller) {}

    TransactionFileGenerator(int transactions, int accounts, long seed) {
        if (accounts < 2_000) {
            throw new IllegalArgumentException("at least 2,000 accounts are needed, was " + accounts);
        }
        this.transactions = transactions;
        this.accounts = accounts;
        this.random = new Random(seed);
        this.merchants = accounts / 100;
        this.employers = Math.max(10, accounts / 500);
        this.shops = Math.max(10, accounts * 3 / 1000);
        this.tutors = Math.max(10, accounts / 500);
        this.students = accounts / 20;
        this.firstPerson = merchants + employers + shops + tutors + students;
        this.merchantMcc = new int[merchants];
        this.city = new int[accounts];
        for (int m = 0; m < merchants; m++) {
            merchantMcc[m] = MERCHANT_MCC[random.nextInt(MERCHANT_MCC.length)];
        }
        for (int a = 0; a < accounts; a++) {
            city[a] = random.nextInt(CITIES.length);
        }
        plantRings();
    }

    static String account(int index) {
        return "KZ" + (100_000_000_000_000L + index * 7_919L);
    }

    private static String phone(int index) {
        return "+77" + (700_000_000L + index);
    }

    private int randomPerson() {
        return firstPerson + random.nextInt(accounts - firstPerson);
    }

    private void plantRings() {
        int ringCount = Math.max(4, accounts / 5_000);
        // Ring members are taken from the end of the person range so that they are not anybody's
        // employer-paid ordinary person too.
        int next = accounts - 1;
        for (int r = 0; r < ringCount; r++) {
            int victimCount = 1 + random.nextInt(3);
            int[] victims = new int[victimCount];
            boolean[] weekend = new boolean[victimCount];
            boolean[] lodging = new boolean[victimCount];
            boolean[] memos = new boolean[victimCount];
            for (int v = 0; v < victimCount; v++) {
                victims[v] = next--;
                weekend[v] = random.nextInt(10) < 3;
                lodging[v] = random.nextInt(10) < 2;
                memos[v] = random.nextInt(10) < 1;
                plantedRoles.put(account(victims[v]), "victim");
            }
            int[] recipients;
            if (victimCount >= 2) {
                recipients = new int[] {next--};
                plantedRoles.put(account(recipients[0]), "collector");
            } else {
                recipients = new int[1 + random.nextInt(2)];
                for (int c = 0; c < recipients.length; c++) {
                    recipients[c] = next--;
                    plantedRoles.put(account(recipients[c]), "controller");
                }
            }
            rings.add(new Ring(victims, recipients, weekend, lodging, memos));
        }
        for (int r = 0; r < ringCount / 10; r++) {
            int first = next--;
            int second = next--;
            int controller = next--;
            plantedRoles.put(account(first), "split-victim");
            plantedRoles.put(account(second), "split-victim");
            plantedRoles.put(account(controller), "controller");
            sharedPhone.put(second, first);
            LocalDate birth = LocalDate.of(2008 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
            splitBirth.put(first, birth);
            splitBirth.put(second, birth);
            splitRings.add(new SplitRing(first, second, controller));
        }
    }

    /** The account whose phone number an account's holder has: its own, or a split victim's first. */
    private int phoneOf(int index) {
        return planted(index) ? sharedPhone.getOrDefault(index, index) : index;
    }

    private boolean planted(int index) {
        return index >= accounts - plantedRoles.size();
    }

    /** Writes the accounts file: every account, birth dates for people. */
    void writeAccounts(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("account,holder_birth_date,holder_phone,opened_at,kind\n");
            StringBuilder line = new StringBuilder(96);
            for (int a = 0; a < accounts; a++) {
                line.setLength(0);
                line.append(account(a)).append(',');
                String kind;
                LocalDate birth = null;
                if (a < merchants) {
                    kind = "merchant";
                } else if (a < merchants + employers) {
                    kind = "business";
                } else {
                    kind = "personal";
                    String role = plantedRoles.get(account(a));
                    if (splitBirth.containsKey(a)) {
                        birth = splitBirth.get(a);
                    } else if (a < firstPerson && a >= firstPerson - students || "victim".equals(role)) {
                        birth = LocalDate.of(2008 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    } else if ("controller".equals(role)) {
                        birth = LocalDate.of(2007 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    } else {
                        birth = LocalDate.of(1960 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    }
                }
                line.append(birth == null ? "" : birth.toString()).append(',');
                line.append(kind.equals("personal") ? phone(phoneOf(a)) : "").append(',');
                line.append(LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                        .append(',')
                        .append(kind)
                        .append('\n');
                out.append(line);
            }
        }
    }

    /** One day's rows before sorting by time. */
    private static final class Day {
        long[] order = new long[1 << 16];
        String[] rows = new String[1 << 16];
        int size;

        void add(int secondOfDay, String row) {
            if (size == rows.length) {
                order = Arrays.copyOf(order, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            order[size] = ((long) secondOfDay << 32) | size;
            rows[size] = row;
            size++;
        }
    }

    /** Writes the transactions, returns how many were written. */
    long writeTransactions(Path file, PrintStream log) throws IOException {
        long written = 0;
        int perDay = transactions / DAYS;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int d = 0; d < DAYS; d++) {
                // Scheduled events (salary days) may exceed a day's share; later days then get less
                // background traffic, so the total stays at the requested number.
                long budget = d == DAYS - 1 ? transactions - written : (long) perDay * (d + 1) - written;
                Day day = new Day();
                planned(day, d);
                while (day.size < budget) {
                    background(day, d);
                }
                long[] order = Arrays.copyOf(day.order, day.size);
                Arrays.sort(order);
                OffsetDateTime midnight = START.plusDays(d);
                String date = midnight.toLocalDate().toString();
                for (long key : order) {
                    int second = (int) (key >>> 32);
                    char[] time = {
                        (char) ('0' + second / 36_000),
                        (char) ('0' + second / 3600 % 10),
                        ':',
                        (char) ('0' + second / 600 % 6),
                        (char) ('0' + second / 60 % 10),
                        ':',
                        (char) ('0' + second % 60 / 10),
                        (char) ('0' + second % 10)
                    };
                    out.write("t");
                    out.write(Long.toString(nextId++));
                    out.write(',');
                    out.write(date);
                    out.write('T');
                    out.write(time);
                    out.write("+05:00,");
                    out.write(day.rows[(int) key]);
                    out.write('\n');
                }
                written += order.length;
                if (d % 10 == 9) {
                    log.printf("  generated %d of %d days (%,d transactions)%n", d + 1, DAYS, written);
                }
            }
        }
        return written;
    }

    private int daytimeSecond() {
        // Mostly 08:00-22:00; a few late at night or before dawn.
        if (random.nextInt(100) < 3) {
            return (22 * 3600 + random.nextInt(8 * 3600)) % 86_400;
        }
        return 8 * 3600 + random.nextInt(14 * 3600);
    }

    private String row(int from, int to, long amount, String channel, boolean phones, int mcc, String memo, int where) {
        return account(from) + ',' + account(to) + ',' + amount + ",KZT," + channel + ','
                + (phones ? phone(phoneOf(from)) : "") + ',' + (phones ? phone(phoneOf(to)) : "") + ','
                + (mcc < 0 ? "" : Integer.toString(mcc)) + ',' + memo + ',' + CITIES[where];
    }

    /** Salaries, students' pocket money, class collections, the rings: what happens on schedule. */
    private void planned(Day day, int d) {
        int dayOfWeek = START.plusDays(d).getDayOfWeek().getValue();
        // Salaries: half the people on the 5th day, half on the 20th.
        if (d == 4 || d == 19) {
            int half = d == 4 ? 0 : 1;
            for (int p = firstPerson + half; p < accounts; p += 2) {
                if (planted(p)) {
                    continue;
                }
                int employer = merchants + (p % employers);
                day.add(
                        9 * 3600 + random.nextInt(8 * 3600),
                        row(
                                employer,
                                p,
                                150_000 + random.nextInt(450_000),
                                "salary",
                                false,
                                -1,
                                "salary",
                                city[employer]));
            }
        }
        // Students: pocket money from a parent on Saturdays.
        if (dayOfWeek == 6) {
            for (int s = firstPerson - students; s < firstPerson; s++) {
                int parent = randomPerson();
                day.add(
                        10 * 3600 + random.nextInt(10 * 3600),
                        row(parent, s, 5_000 + random.nextInt(20_000), "p2p", true, -1, "", city[parent]));
            }
        }
        // A few class-gift collections a day: 20-30 parents pay 3,000, the organiser pays a shop.
        for (int c = 0; c < Math.max(1, accounts / 100_000); c++) {
            int organiser = randomPerson();
            if (planted(organiser)) {
                continue;
            }
            int parents = 20 + random.nextInt(11);
            for (int p = 0; p < parents; p++) {
                int parent = randomPerson();
                day.add(daytimeSecond(), row(parent, organiser, 3_000, "p2p", true, -1, "на подарок", city[parent]));
            }
            int shop = random.nextInt(merchants);
            day.add(20 * 3600, row(organiser, shop, 3_000L * parents, "card", false, 5947, "", city[shop]));
        }
        for (Ring ring : rings) {
            for (int v = 0; v < ring.victims().length; v++) {
                victimDay(day, d, dayOfWeek, ring, v);
            }
        }
        for (SplitRing ring : splitRings) {
            splitVictimDay(day, ring);
        }
    }

    /** On about two days in three one client, in the evening or at night, into either account. */
    private void splitVictimDay(Day day, SplitRing ring) {
        if (random.nextInt(3) == 0) {
            return;
        }
        int account = random.nextBoolean() ? ring.first() : ring.second();
        int second = (20 * 3600 + random.nextInt(4 * 3600)) % 86_400;
        long amount = 10_000 + random.nextInt(8_000);
        int client = randomPerson();
        day.add(second, row(client, account, amount, "p2p", true, -1, "", city[client]));
        int forwardAt = Math.min(86_399, second + 3600 + random.nextInt(2 * 3600));
        long forwarded = amount * (85 + random.nextInt(11)) / 100;
        day.add(forwardAt, row(account, ring.controller(), forwarded, "p2p", true, -1, "", city[account]));
    }

    private void victimDay(Day day, int d, int dayOfWeek, Ring ring, int v) {
        int victim = ring.victims()[v];
        boolean weekendStyle = ring.weekendStyle()[v];
        int clients;
        if (weekendStyle) {
            clients = dayOfWeek >= 6 ? 4 + random.nextInt(4) : random.nextInt(2);
        } else {
            clients = 2 + random.nextInt(3);
        }
        long received = 0;
        int lastSecond = 0;
        for (int c = 0; c < clients; c++) {
            int second = weekendStyle
                    ? 14 * 3600 + random.nextInt(9 * 3600)
                    : (20 * 3600 + random.nextInt(4 * 3600)) % 86_400;
            long amount = 8_000 + random.nextInt(17_000);
            int client = randomPerson();
            String memo =
                    ring.memos()[v] && random.nextInt(3) == 0 ? CLIENT_MEMOS[random.nextInt(CLIENT_MEMOS.length)] : "";
            day.add(second, row(client, victim, amount, "p2p", true, -1, memo, city[client]));
            received += amount;
            lastSecond = Math.max(lastSecond, second);
        }
        if (received > 0) {
            int recipient = ring.recipients()[random.nextInt(ring.recipients().length)];
            int forwardAt = Math.min(86_399, lastSecond + 3600 + random.nextInt(3 * 3600));
            long forwarded = received * (85 + random.nextInt(11)) / 100;
            day.add(forwardAt, row(victim, recipient, forwarded, "p2p", true, -1, "", city[victim]));
        }
        if (random.nextInt(3) == 0) {
            int taxi = random.nextInt(merchants);
            day.add(
                    19 * 3600 + random.nextInt(4 * 3600),
                    row(victim, taxi, 800 + random.nextInt(2_500), "card", false, 4121, "", city[victim]));
        }
        if (ring.lodging()[v] && random.nextInt(5) == 0) {
            int hotel = random.nextInt(merchants);
            int where = random.nextInt(CITIES.length);
            day.add(21 * 3600, row(victim, hotel, 15_000 + random.nextInt(20_000), "card", false, 7011, "", where));
        }
    }

    /** Ordinary traffic: card payments, transfers between people, customers of shops, parents of tutors. */
    private void background(Day day, int d) {
        int kind = random.nextInt(100);
        int person = randomPerson();
        if (kind < 70) {
            int merchant = random.nextInt(merchants);
            int mcc = merchantMcc[merchant];
            long amount = mcc == 4111 ? 150 : 500 + random.nextInt(random.nextInt(10) == 0 ? 60_000 : 12_000);
            day.add(daytimeSecond(), row(person, merchant, amount, "card", false, mcc, "", city[person]));
        } else if (kind < 92) {
            int friend = randomPerson();
            if (friend == person) {
                return;
            }
            long amount = 1_000 + random.nextInt(random.nextInt(5) == 0 ? 150_000 : 20_000);
            day.add(daytimeSecond(), row(person, friend, amount, "p2p", true, -1, "", city[person]));
        } else if (kind < 97) {
            int shop = merchants + employers + random.nextInt(shops);
            day.add(
                    9 * 3600 + random.nextInt(11 * 3600),
                    row(person, shop, 1_000 + random.nextInt(15_000), "p2p", true, -1, "", city[person]));
            if (random.nextInt(40) == 0) {
                int supplier = randomPerson();
                day.add(
                        15 * 3600,
                        row(shop, supplier, 100_000 + random.nextInt(200_000), "p2p", true, -1, "товар", city[shop]));
            }
        } else {
            int tutor = merchants + employers + shops + random.nextInt(tutors);
            day.add(
                    14 * 3600 + random.nextInt(6 * 3600),
                    row(person, tutor, 7_000, "p2p", true, -1, random.nextBoolean() ? "за урок" : "", city[person]));
        }
    }

    /** The planted victims and collectors, for recall. */
    List<String> planted(String role) {
        return plantedRoles.entrySet().stream()
                .filter(e -> e.getValue().equals(role))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    int ringCount() {
        return rings.size();
    }
}
