package kz.qorgau.ledger.archfixture;

import java.time.Instant;
import org.springframework.util.StringUtils;

/** Breaks the rules on purpose: a ledger class that uses Spring and reads the clock. */
public class LedgerUsingSpringAndTheClock {
    public boolean hasText(String s) {
        return StringUtils.hasText(s) && Instant.now().getEpochSecond() > 0;
    }
}
