package kz.qorgau.server.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.qorgau.server.casework.SignalEvidence;
import kz.qorgau.server.casework.SignalEvidenceTexts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ad and school matches on the case page in the reader's language: the summary said from what
 * matched, the facts under names from the bundles. School evidence is said from its figures as on the
 * school's page; an ad's words are quoted as they are, and the explanations of its minor-risk
 * indicators are the ads library's (English).
 */
@Configuration(proxyBeanMethods = false)
class AdAndSchoolEvidenceTexts {

    @Bean
    SignalEvidenceTexts adEvidenceTexts(MessageSource messages) {
        return new Ads(messages);
    }

    @Bean
    SignalEvidenceTexts schoolEvidenceTexts(MessageSource messages) {
        return new School(messages);
    }

    private static final class Ads extends EvidenceTexts {

        Ads(MessageSource messages) {
            super(messages);
        }

        @Override
        public String source() {
            return AdIngestion.SOURCE;
        }

        @Override
        public @Nullable String summary(Map<String, Object> detail, Locale locale) {
            Set<String> kinds = new TreeSet<>();
            maps(detail.get("matched")).forEach(m -> kinds.add(String.valueOf(m.get("kind"))));
            if (kinds.isEmpty()) {
                return null;
            }
            List<String> named = kinds.stream()
                    .map(k -> text("sig.kind." + k, locale).toLowerCase(locale))
                    .toList();
            boolean flagged =
                    detail.get("minorRisk") instanceof Map<?, ?> risk && Boolean.TRUE.equals(risk.get("flag"));
            return text("sig.ad.summary", locale, String.join(", ", named))
                    + (kinds.equals(Set.of("nickname")) ? " " + text("sig.ad.summary.weak", locale) : "")
                    + (flagged ? " " + text("sig.ad.summary.flagged", locale) : "")
                    + " " + text("sig.ad.summary.review", locale);
        }

        @Override
        public List<SignalEvidence.Line> lines(Map<String, Object> detail, Locale locale) {
            List<SignalEvidence.Line> lines = new ArrayList<>();
            if (detail.get("ad") instanceof Map<?, ?> ad) {
                for (String fact : List.of("id", "source", "url", "postedAt", "city", "cluster")) {
                    add(lines, "sig.ad.fact." + fact, ad.get(fact), locale);
                }
            }
            for (Map<?, ?> m : maps(detail.get("matched"))) {
                String kind = String.valueOf(m.get("kind"));
                Object quote = m.get("quote");
                String value = String.valueOf(m.get("value"))
                        + (quote == null ? "" : " — «" + quote + "»")
                        + (Boolean.TRUE.equals(m.get("weak")) ? " (" + text("sig.ad.weak", locale) + ")" : "");
                lines.add(new SignalEvidence.Line(text("sig.kind." + kind, locale), value));
            }
            if (detail.get("minorRisk") instanceof Map<?, ?> risk) {
                add(lines, "sig.ad.fact.minorRiskScore", risk.get("score"), locale);
                add(
                        lines,
                        "sig.ad.fact.flag",
                        text(Boolean.TRUE.equals(risk.get("flag")) ? "sig.ad.flag.yes" : "sig.ad.flag.no", locale),
                        locale);
                for (Map<?, ?> reason : maps(risk.get("reasons"))) {
                    lines.add(new SignalEvidence.Line(
                            text("sig.ad.fact.indicator", locale) + " " + reason.get("rule"),
                            String.valueOf(reason.get("evidence"))));
                }
            }
            add(lines, "sig.payment.noteLabel", text("sig.ad.note", locale), locale);
            return lines;
        }
    }

    private static final class School extends EvidenceTexts {

        School(MessageSource messages) {
            super(messages);
        }

        @Override
        public String source() {
            return SchoolIngestion.SOURCE;
        }

        @Override
        public @Nullable String summary(Map<String, Object> detail, Locale locale) {
            if (!(detail.get("score") instanceof Number score)) {
                return null;
            }
            List<String> kinds = new ArrayList<>();
            for (Map<?, ?> signal : maps(detail.get("signals"))) {
                kinds.add(text("sig.school.kind." + signal.get("kind"), locale));
            }
            return text(
                    "sig.school.matchSummary",
                    locale,
                    String.valueOf(Math.round(score.doubleValue() * 100) / 100.0),
                    String.join(", ", kinds));
        }

        @Override
        public List<SignalEvidence.Line> lines(Map<String, Object> detail, Locale locale) {
            List<SignalEvidence.Line> lines = new ArrayList<>();
            add(lines, "sig.school.schoolLabel", detail.get("school"), locale);
            add(lines, "sig.school.asOfLabel", detail.get("asOf"), locale);
            add(lines, "sig.school.student", detail.get("student"), locale);
            add(lines, "sig.school.classLabel", detail.get("class"), locale);
            add(lines, "sig.school.scoreLabel", detail.get("score"), locale);
            for (Map<?, ?> signal : maps(detail.get("signals"))) {
                String kind = String.valueOf(signal.get("kind"));
                Object evidence = signal.get("evidence");
                String summary = evidence instanceof Map<?, ?> e ? String.valueOf(e.get("summary")) : "";
                SchoolSignals.Evidence said = new SchoolSignals.Evidence(
                        kind, summary, evidence == null ? null : Json.MAPPER.valueToTree(evidence));
                lines.add(
                        new SignalEvidence.Line(text("sig.school.kind." + kind, locale), said.text(messages, locale)));
            }
            return lines;
        }
    }
}
