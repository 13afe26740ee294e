package kz.qorgau.server.signals;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code qorgau.signals}.
 *
 * @param maxAdsPerBatch the most ads one {@code POST /api/v1/signals/ads} may carry (issue 6: 10,000)
 * @param maxInputSize the most bytes read from one ingestion after decompression (a gzip bomb or an
 *     oversized upload is refused with 413 at this point, nothing stored)
 * @param maxTransactionRows the most transaction rows one payments ingestion screens
 * @param maxRejectionsListed rejected lines listed in a response (all are counted)
 * @param maxLinkedStoredAds stored ads loaded to link a new batch across batches (those sharing a
 *     phone or handle with it)
 * @param maxAdsPerContact a contact found in more stored ads than this is not used to load
 *     neighbours (it would be set aside by the linker anyway: a site's support number)
 * @param maxIdentifiersPerCase identifiers one case may carry
 * @param schoolDecisionDays working days the school's safeguarding lead has to open a case or record
 *     why not before the signal escalates to the school's supervising organisation
 * @param schoolQuietPeriod after a lead decided, a student flagged again raises no new signal within
 *     this period unless a kind of signal appears that the decided one did not have
 * @param sweepInterval how often the school-signal clock looks for signals past their deadline
 * @param sweepBatch how many due signals one sweep claims
 */
@ConfigurationProperties("qorgau.signals")
record SignalSettings(
        @DefaultValue("10000") int maxAdsPerBatch,
        @DefaultValue("64MB") DataSize maxInputSize,
        @DefaultValue("2000000") long maxTransactionRows,
        @DefaultValue("1000") int maxRejectionsListed,
        @DefaultValue("20000") int maxLinkedStoredAds,
        @DefaultValue("500") int maxAdsPerContact,
        @DefaultValue("100") int maxIdentifiersPerCase,
        @DefaultValue("3") int schoolDecisionDays,
        @DefaultValue("30d") Duration schoolQuietPeriod,
        @DefaultValue("5m") Duration sweepInterval,
        @DefaultValue("100") int sweepBatch) {

    SignalSettings {
        if (maxAdsPerBatch < 1
                || maxInputSize.toBytes() < 1
                || maxTransactionRows < 1
                || maxRejectionsListed < 0
                || maxLinkedStoredAds < 0
                || maxAdsPerContact < 2
                || maxIdentifiersPerCase < 1
                || schoolDecisionDays < 1
                || schoolDecisionDays > 60
                || schoolQuietPeriod.isNegative()
                || sweepInterval.isNegative()
                || sweepInterval.isZero()
                || sweepBatch < 1) {
            throw new IllegalArgumentException("qorgau.signals: limits must be positive (max-ads-per-contact at least"
                    + " 2, school-decision-days 1 to 60, sweep-interval above zero)");
        }
    }
}
