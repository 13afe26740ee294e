package kz.qorgau.bench.school;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic school year as the three CSV inputs: daily attendance of every lesson, marks,
 * observations. Most students are steady; some are often absent all year, some are ill for weeks,
 * some skip one weekday, and a planted share are at risk (absence rises and marks fall from a date).
 * Seeded, so two runs write the same bytes.
 */
final class SchoolYearGenerator {

    static final LocalDate START = LocalDate.of(2025, 9, 1);
    static final String[] SUBJECTS = {
        "math", "kazakh", "russian", "english", "history", "biology", "physics", "chemistry", "literature", "geography"
    };
    static final int CLASS_SIZE = 25;
    static final int CLASSES_PER_SCHOOL = 33;

    enum Profile {
        STEADY,
        CHRONIC,
        SICK,
        WEEKDAY,
        AT_RISK
    }

    record Written(long attendanceRows, long gradeRows, long observationRows, long bytes, Set<String> atRisk) {}

    private final int students;
    private final int days;
    private final int lessons;
    private final Random random;

    SchoolYearGenerator(int students, int days, int lessons, long seed) {
        this.students = students;
        this.days = days;
        this.lessons = lessons;
        this.random = new Random(seed);
    }

    Written write(Path attendance, Path grades, Path observations) throws IOException {
        List<LocalDate> schoolDays = new ArrayList<>();
        for (LocalDate d = START; schoolDays.size() < days; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                schoolDays.add(d);
            }
        }
        byte[][] dateBytes = new byte[days][];
        for (int i = 0; i < days; i++) {
            dateBytes[i] = ascii(schoolDays.get(i).toString());
        }
        byte[][] prefix = new byte[students][];
        byte[][] id = new byte[students][];
        Profile[] profile = new Profile[students];
        double[] baseRate = new double[students];
        int[] changeDay = new int[students];
        int[] illFrom = new int[students];
        int[] illDays = new int[students];
        int[] weekday = new int[students];
        double[] level = new double[students];
        Set<String> atRisk = new HashSet<>();
        for (int s = 0; s < students; s++) {
            int schoolClass = s / CLASS_SIZE;
            String student = String.format("s%07d", s);
            id[s] = ascii(student);
            prefix[s] = ascii(student + ",school-" + (schoolClass / CLASSES_PER_SCHOOL) + "," + (5 + schoolClass % 7)
                    + (char) ('A' + schoolClass % 5) + ",");
            double roll = random.nextDouble();
            profile[s] = roll < 0.02
                    ? Profile.AT_RISK
                    : roll < 0.06
                            ? Profile.CHRONIC
                            : roll < 0.09 ? Profile.SICK : roll < 0.10 ? Profile.WEEKDAY : Profile.STEADY;
            baseRate[s] = profile[s] == Profile.CHRONIC
                    ? 0.25 + random.nextDouble() * 0.15
                    : 0.01 + random.nextDouble() * 0.05;
            changeDay[s] = days / 3 + random.nextInt(Math.max(1, days / 3));
            illFrom[s] = random.nextInt(Math.max(1, days - 25));
            illDays[s] = 10 + random.nextInt(15);
            weekday[s] = random.nextInt(5);
            level[s] = 3.2 + random.nextDouble() * 1.6;
            if (profile[s] == Profile.AT_RISK) {
                atRisk.add(student);
            }
        }
        long attendanceRows = 0;
        long bytes = 0;
        byte[] present = ascii("present\n");
        byte[] absent = ascii("absent\n");
        byte[] excused = ascii("absent-excused\n");
        byte[] late = ascii("late\n");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(attendance), 1 << 20)) {
            byte[] header = ascii("student,school,class,date,lesson,status\n");
            out.write(header);
            bytes += header.length;
            for (int day = 0; day < days; day++) {
                int dow = schoolDays.get(day).getDayOfWeek().getValue() - 1;
                for (int s = 0; s < students; s++) {
                    double rate = switch (profile[s]) {
                        case AT_RISK -> day >= changeDay[s] ? 0.6 : baseRate[s];
                        case WEEKDAY -> dow == weekday[s] ? 0.7 : baseRate[s];
                        default -> baseRate[s];
                    };
                    boolean ill = profile[s] == Profile.SICK && day >= illFrom[s] && day < illFrom[s] + illDays[s];
                    boolean awayAllDay = false;
                    int awayLesson = -1;
                    if (!ill && random.nextDouble() < rate) {
                        if (random.nextBoolean()) {
                            awayAllDay = true;
                        } else {
                            awayLesson = random.nextInt(lessons);
                        }
                    }
                    int lateLesson = random.nextInt(40) == 0 ? random.nextInt(lessons) : -1;
                    for (int lesson = 0; lesson < lessons; lesson++) {
                        byte[] status = ill
                                ? excused
                                : awayAllDay || lesson == awayLesson ? absent : lesson == lateLesson ? late : present;
                        out.write(prefix[s]);
                        out.write(dateBytes[day]);
                        out.write(',');
                        out.write('1' + lesson);
                        out.write(',');
                        out.write(status);
                        bytes += prefix[s].length + dateBytes[day].length + 4 + status.length;
                        attendanceRows++;
                    }
                }
            }
        }
        long gradeRows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(grades), 1 << 20)) {
            byte[] header = ascii("student,school,class,date,subject,score,max_score\n");
            out.write(header);
            bytes += header.length;
            byte[][] subjects = new byte[SUBJECTS.length][];
            for (int i = 0; i < SUBJECTS.length; i++) {
                subjects[i] = ascii("," + SUBJECTS[i] + ",");
            }
            for (int s = 0; s < students; s++) {
                for (int day = 0; day < days; day++) {
                    if (random.nextInt(4) == 0) {
                        continue;
                    }
                    double expected = level[s] - (profile[s] == Profile.AT_RISK && day >= changeDay[s] ? 1.3 : 0);
                    long score = Math.max(2, Math.min(5, Math.round(expected + random.nextGaussian() * 0.6)));
                    int subject = random.nextInt(SUBJECTS.length);
                    out.write(prefix[s]);
                    out.write(dateBytes[day]);
                    out.write(subjects[subject]);
                    out.write('0' + (int) score);
                    out.write(',');
                    out.write('5');
                    out.write('\n');
                    bytes += prefix[s].length + dateBytes[day].length + subjects[subject].length + 4;
                    gradeRows++;
                }
            }
        }
        long observationRows = 0;
        String[] kinds = {
            "behaviour-change", "nights-away", "new-phone", "older-associates", "unexplained-money-or-gifts"
        };
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(observations), 1 << 16)) {
            byte[] header = ascii("student,date,kind,note\n");
            out.write(header);
            for (int s = 0; s < students; s++) {
                boolean observed = profile[s] == Profile.AT_RISK ? random.nextInt(2) == 0 : random.nextInt(50) == 0;
                if (observed) {
                    int day = profile[s] == Profile.AT_RISK
                            ? Math.min(days - 1, changeDay[s] + random.nextInt(20))
                            : random.nextInt(days);
                    String kind = profile[s] == Profile.AT_RISK ? kinds[random.nextInt(kinds.length)] : kinds[0];
                    byte[] row = ascii(new String(id[s], StandardCharsets.US_ASCII) + "," + schoolDays.get(day) + ","
                            + kind + ",\n");
                    out.write(row);
                    bytes += row.length;
                    observationRows++;
                }
            }
        }
        return new Written(attendanceRows, gradeRows, observationRows, bytes, atRisk);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
