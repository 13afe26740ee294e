package kz.qorgau.signals.tx;

/**
 * What a screening run did, for the operator's log.
 *
 * @param screened transactions taken into the screening
 * @param late transactions refused as too late for the reorder buffer
 * @param duplicates transactions skipped as duplicates
 * @param unconvertible transactions refused for a currency without a rate
 * @param forcedReleases transactions released early because the reorder buffer was full
 * @param windowsEvaluated windows evaluated, per account and pooled
 * @param pooledWindowsEvaluated pooled windows of linked accounts (sharing a holder's phone number)
 *     evaluated
 * @param peakTrackedAccounts the most accounts held in memory at once
 * @param evictedAccounts accounts dropped from memory after a window without activity
 */
public record ScreeningCounts(
        long screened,
        long late,
        long duplicates,
        long unconvertible,
        long forcedReleases,
        long windowsEvaluated,
        long pooledWindowsEvaluated,
        long peakTrackedAccounts,
        long evictedAccounts) {}
