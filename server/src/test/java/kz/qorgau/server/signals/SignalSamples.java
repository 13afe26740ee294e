package kz.qorgau.server.signals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Generated inputs for the signals tests: small, seeded, and shaped so that the library flags them. */
final class SignalSamples {

    private SignalSamples() {}

    static final String TX_HEADER =
            "id,timestamp,from_account,to_account,amount,currency,channel,from_phone,to_phone,merchant_category,memo,city";

    /**
     * Four weeks of a pass-through account: 30 people pay it small, similar amounts at night, and it
     * forwards most of each night's money to one account the next morning. A bad row (an impossible
     * date) is line 5; ordinary traffic between other accounts surrounds it.
     */
    static String passThroughCsv(String victim, String controller, String victimPhone) {
        Random random = new Random(7);
        record Row(OffsetDateTime at, String csv) {}
        List<Row> rows = new ArrayList<>();
        ZoneOffset kz = ZoneOffset.ofHours(5);
        OffsetDateTime start = OffsetDateTime.of(2026, 3, 2, 0, 0, 0, 0, kz);
        List<String> payers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            payers.add(String.format("KZ%02d%014d", 10 + i, 100000 + i * 7919L));
        }
        int n = 0;
        for (int day = 0; day < 28; day++) {
            OffsetDateTime midnight = start.plusDays(day);
            long night = 0;
            for (OffsetDateTime at : List.of(
                    midnight.withHour(22).withMinute(30),
                    midnight.withHour(23).withMinute(40),
                    midnight.plusDays(1).withHour(1).withMinute(15))) {
                long amount = 12_000 + random.nextInt(6_000);
                night += amount;
                String payer = payers.get((day * 3 + n) % payers.size());
                n++;
                rows.add(new Row(
                        at,
                        String.join(
                                ",",
                                "p" + n,
                                at.toString(),
                                payer,
                                victim,
                                amount + ".00",
                                "KZT",
                                "p2p",
                                "",
                                victimPhone,
                                "",
                                "",
                                "Qyzylorda")));
            }
            OffsetDateTime forward = midnight.plusDays(1).withHour(10);
            long share = night * 85 / 100;
            rows.add(new Row(
                    forward,
                    String.join(
                            ",",
                            "f" + day,
                            forward.toString(),
                            victim,
                            controller,
                            share + ".00",
                            "KZT",
                            "p2p",
                            victimPhone,
                            "",
                            "",
                            "",
                            "Qyzylorda")));
            // Ordinary traffic: a salary and a grocery payment of someone else.
            OffsetDateTime noon = midnight.withHour(12);
            rows.add(new Row(
                    noon,
                    String.join(
                            ",",
                            "o" + day,
                            noon.toString(),
                            "KZ990000000000000001",
                            "KZ990000000000000002",
                            "2500.00",
                            "KZT",
                            "card",
                            "",
                            "",
                            "5411",
                            "",
                            "Almaty")));
        }
        rows.sort(Comparator.comparing(Row::at));
        StringBuilder csv = new StringBuilder(TX_HEADER).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            if (i == 3) {
                csv.append("bad1,2026-02-30T10:00:00+05:00,KZ1,KZ2,100.00,KZT,p2p,,,,,Almaty\n");
            }
            csv.append(rows.get(i).csv()).append('\n');
        }
        return csv.toString();
    }

    /** A school's records in one CSV set. */
    record SchoolFiles(String attendance, String grades, String observations) {}

    /**
     * One class of 16 from 1 September 2026 to 26 February 2027: everyone misses about one day in 25;
     * {@code atRisk} does too until December, then misses most days, and a parent noticed nights away.
     */
    static SchoolFiles school(String schoolCode, String atRisk) {
        Random random = new Random(11);
        StringBuilder attendance = new StringBuilder("student,school,class,date,lesson,status\n");
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate until = LocalDate.of(2027, 2, 26);
        LocalDate change = LocalDate.of(2026, 12, 1);
        for (int s = 1; s <= 16; s++) {
            String student = s == 7 ? atRisk : String.format("s%02d", s);
            for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                double rate = student.equals(atRisk) && !day.isBefore(change) ? 0.6 : 0.04;
                boolean away = random.nextDouble() < rate;
                for (int lesson = 1; lesson <= 6; lesson++) {
                    attendance
                            .append(student)
                            .append(',')
                            .append(schoolCode)
                            .append(",9A,")
                            .append(day)
                            .append(',')
                            .append(lesson)
                            .append(',')
                            .append(away ? "absent" : "present")
                            .append('\n');
                }
            }
        }
        String grades = "student,school,class,date,subject,score,max_score\n";
        String observations = "student,date,kind,note\n" + atRisk
                + ",2027-02-10,nights-away,\"mother: not home at night\"\n" + "nobody,2027-02-11,nights-away,\n";
        return new SchoolFiles(attendance.toString(), grades, observations);
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A {@code multipart/form-data} body. */
    static final class Multipart {
        private final String boundary =
                "----signals" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Multipart field(String name, String value) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                            + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(body.toByteArray());
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
