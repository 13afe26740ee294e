package kz.qorgau.server.casework;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import kz.qorgau.core.calendar.CalendarFile;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.casework.CaseworkRules;
import kz.qorgau.core.escalation.EscalationLadders;
import kz.qorgau.core.policy.DeadlinePolicies;
import kz.qorgau.core.risk.RiskModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The casework rules of the core domain, from configuration or the defaults. Fails fast on bad settings. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaseworkConfiguration.class);

    @Bean
    CaseworkRules caseworkRules(CaseworkSettings settings) throws IOException {
        WorkingCalendar calendar = WorkingCalendar.kazakhstan();
        if (settings.calendarFile() != null) {
            try (Reader reader = Files.newBufferedReader(settings.calendarFile(), StandardCharsets.UTF_8)) {
                CalendarFile file =
                        WorkingCalendar.read(settings.calendarFile().toString(), reader, WorkingCalendar.ALMATY);
                if (!file.rejected().isEmpty()) {
                    throw new IllegalStateException("qorgau.casework.calendar-file " + settings.calendarFile()
                            + " has bad lines: " + file.rejected());
                }
                calendar = file.calendar();
            }
        }
        calendar.coveredUntil().ifPresent(until -> log.info("working-day calendar covers dates until {}", until));
        DeadlinePolicies policies = settings.policies().isEmpty()
                ? DeadlinePolicies.current()
                : DeadlinePolicies.fromSettings(settings.policies());
        EscalationLadders ladders = settings.ladders().isEmpty()
                ? EscalationLadders.current()
                : EscalationLadders.fromSettings(settings.ladders());
        return new CaseworkRules(calendar, policies, ladders, RiskModel.current());
    }
}
