package kz.qorgau.signals.school;

import java.time.LocalDate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a flagged student, shared by the CLI ({@code qorgau school scan}, one line per
 * student) and the server, so that both say the same thing:
 *
 * <pre>{"student":"s1","school":"school-1","class":"10A","score":0.71,"configVersion":"school-signals/1",
 *  "signals":[{"kind":"absence-rise","strength":1.0,"contribution":0.55,
 *              "evidence":{"summary":"Unexcused absence rose from …","changeDate":"2026-01-27",…}}]}</pre>
 *
 * <p>Each evidence object starts with a {@code summary} sentence for a person, followed by its
 * figures; dates are ISO strings, rates are shares in [0, 1].
 */
public final class SchoolSignalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchoolSignalJson() {}

    /** One line of JSON, without a line break. */
    public static String line(FlaggedStudent student, String configVersion) {
        return MAPPER.writeValueAsString(tree(student, configVersion));
    }

    /** The JSON tree of a flagged student. */
    public static ObjectNode tree(FlaggedStudent student, String configVersion) {
        ObjectNode node = NODES.objectNode();
        node.put("student", student.student());
        node.put("school", student.school());
        node.put("class", student.schoolClass());
        node.put("score", round(student.score()));
        node.put("configVersion", configVersion);
        ArrayNode signals = node.putArray("signals");
        for (Signal signal : student.signals()) {
            ObjectNode item = signals.addObject();
            item.put("kind", signal.kind());
            item.put("strength", round(signal.strength()));
            item.put("contribution", round(signal.contribution()));
            item.set("evidence", evidence(signal.evidence()));
        }
        return node;
    }

    /** The JSON tree of one piece of evidence: {@code summary} first, then its figures. */
    public static ObjectNode evidence(Evidence evidence) {
        ObjectNode node = NODES.objectNode();
        node.put("summary", evidence.summary());
        switch (evidence) {
            case Evidence.AbsenceRise e -> {
                date(node, "changeDate", e.changeDate());
                if (e.endDate() != null) {
                    date(node, "endDate", e.endDate());
                }
                date(node, "firstDay", e.firstDay());
                date(node, "lastDay", e.lastDay());
                node.put("daysBefore", e.daysBefore());
                node.put("absentDaysBefore", e.absentDaysBefore());
                node.put("rateBefore", round(e.rateBefore()));
                node.put("daysAfter", e.daysAfter());
                node.put("absentDaysAfter", e.absentDaysAfter());
                node.put("rateAfter", round(e.rateAfter()));
                node.put("daysSinceEnd", e.daysSinceEnd());
                node.put("absentDaysSinceEnd", e.absentDaysSinceEnd());
                node.put("unexcusedLessonsAfter", e.unexcusedLessonsAfter());
                node.put("classRateAfter", round(e.classRateAfter()));
                node.put("likelihoodRatio", e.likelihoodRatio());
            }
            case Evidence.WeekdayAbsence e -> {
                node.put("weekday", e.weekday().toString());
                node.put("absentDays", e.absentDays());
                node.put("days", e.days());
                node.put("expectedRate", round(e.expectedRate()));
                node.put("pValue", e.pValue());
                ArrayNode dates = node.putArray("dates");
                e.dates().forEach(d -> dates.add(d.toString()));
            }
            case Evidence.FirstLessonAbsence e -> {
                node.put("missedFirstLessons", e.missedFirstLessons());
                node.put("partlyAttendedDays", e.partlyAttendedDays());
                node.put("expected", e.expected());
                node.put("pValue", e.pValue());
                ArrayNode dates = node.putArray("dates");
                e.dates().forEach(d -> dates.add(d.toString()));
            }
            case Evidence.GradeDecline e -> {
                date(node, "changeDate", e.changeDate());
                node.put("marksBefore", e.marksBefore());
                node.put("marksAfter", e.marksAfter());
                node.put("meanDrop", e.meanDrop());
                node.put("t", e.t());
                node.put("subjectsWithMarks", e.subjectsWithMarks());
                ArrayNode subjects = node.putArray("falling");
                for (Evidence.SubjectDrop drop : e.falling()) {
                    ObjectNode s = subjects.addObject();
                    s.put("subject", drop.subject());
                    s.put("marksBefore", drop.marksBefore());
                    s.put("marksAfter", drop.marksAfter());
                    s.put("meanBefore", drop.meanBefore());
                    s.put("meanAfter", drop.meanAfter());
                    s.put("drop", drop.drop());
                }
            }
            case Evidence.Observed e -> {
                node.put("kind", e.kind());
                ArrayNode items = node.putArray("observations");
                for (ObservationRecord o : e.observations()) {
                    ObjectNode item = items.addObject();
                    date(item, "date", o.date());
                    item.put("note", o.note());
                }
            }
            case Evidence.LongExcusedAbsence e -> {
                date(node, "from", e.from());
                date(node, "to", e.to());
                node.put("schoolDays", e.schoolDays());
            }
        }
        return node;
    }

    private static void date(ObjectNode node, String field, LocalDate date) {
        node.put(field, date.toString());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
