package kz.qorgau.signals.tx;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One account's window: the sums of its pane summaries, with the sketches merged on demand. Built
 * at each pane boundary for each active account and dropped after evaluation.
 */
final class WindowView {

    final AccountState state;
    final OffsetDateTime start;
    final OffsetDateTime end;
    final LocalDate lastDay;

    final int inCount;
    final long inSum;
    final double inSumSquares;
    final int inNight;
    final int inWeekend;
    final int outCount;
    final long outSum;
    final int forwardCount;
    final long forwardSum;
    final long forwardedWithin;
    final double forwardDelayWeighted;
    final int forwardDays;
    final int merchantCount;
    final long merchantSum;
    final int livingCount;
    final int lodgingCount;
    final long lodgingSum;
    final int memoMatches;

    private @Nullable List<RecipientSlots.Share> recipients;

    WindowView(AccountState state, OffsetDateTime start, OffsetDateTime end) {
        this.state = state;
        this.start = start;
        this.end = end;
        this.lastDay = end.minusSeconds(1).toLocalDate();
        int inCount = 0;
        long inSum = 0;
        double inSumSquares = 0;
        int inNight = 0;
        int inWeekend = 0;
        int outCount = 0;
        long outSum = 0;
        int forwardCount = 0;
        long forwardSum = 0;
        long forwardedWithin = 0;
        double forwardDelayWeighted = 0;
        int forwardDays = 0;
        int merchantCount = 0;
        long merchantSum = 0;
        int livingCount = 0;
        int lodgingCount = 0;
        long lodgingSum = 0;
        int memoMatches = 0;
        for (PaneSummary pane : state.panes) {
            inCount += pane.inCount;
            inSum += pane.inSum;
            inSumSquares += pane.inSumSquares;
            inNight += pane.inNight;
            inWeekend += pane.inWeekend;
            outCount += pane.outCount();
            outSum += pane.outSum();
            forwardCount += pane.forwardCount;
            forwardSum += pane.forwardSum;
            forwardedWithin += pane.forwardedWithin;
            forwardDelayWeighted += pane.forwardDelayWeighted;
            forwardDays += pane.forwardDays;
            merchantCount += pane.merchantCount;
            merchantSum += pane.merchantSum;
            livingCount += pane.livingCount;
            PaneSummary.Rare rare = pane.rare;
            if (rare != null) {
                lodgingCount += rare.lodgingCount;
                lodgingSum += rare.lodgingSum;
                memoMatches += rare.memoMatches;
            }
        }
        this.inCount = inCount;
        this.inSum = inSum;
        this.inSumSquares = inSumSquares;
        this.inNight = inNight;
        this.inWeekend = inWeekend;
        this.outCount = outCount;
        this.outSum = outSum;
        this.forwardCount = forwardCount;
        this.forwardSum = forwardSum;
        this.forwardedWithin = forwardedWithin;
        this.forwardDelayWeighted = forwardDelayWeighted;
        this.forwardDays = forwardDays;
        this.merchantCount = merchantCount;
        this.merchantSum = merchantSum;
        this.livingCount = livingCount;
        this.lodgingCount = lodgingCount;
        this.lodgingSum = lodgingSum;
        this.memoMatches = memoMatches;
    }

    String account() {
        return state.account;
    }

    /** Distinct payers over the window; {@code saturated[0]} says whether it is only a lower bound. */
    int distinctPayers(int cap, boolean[] saturated) {
        CounterpartySet union = new CounterpartySet();
        for (PaneSummary pane : state.panes) {
            pane.addPayersTo(union, cap);
        }
        saturated[0] = union.saturated();
        return union.size();
    }

    /** Whether any pane's recipient summary had to drop a recipient (amounts are then bounds). */
    boolean recipientsOverflowed() {
        for (PaneSummary pane : state.panes) {
            RecipientSlots slots = pane.recipients;
            if (slots != null && slots.overflowed()) {
                return true;
            }
        }
        return false;
    }

    /** Recipients of forwarded money over the window, largest guaranteed amount first. */
    List<RecipientSlots.Share> recipients() {
        List<RecipientSlots.Share> merged = recipients;
        if (merged == null) {
            List<RecipientSlots> panes = new ArrayList<>(state.panes.length);
            for (PaneSummary pane : state.panes) {
                if (pane.recipients != null) {
                    panes.add(pane.recipients);
                }
            }
            merged = recipients = RecipientSlots.merged(panes);
        }
        return merged;
    }

    /** Card payments by merchant category over the window, most frequent first; key -1 is "other". */
    Map<Integer, Integer> merchantCategories() {
        Map<Integer, Integer> tally = new LinkedHashMap<>();
        int other = 0;
        for (PaneSummary pane : state.panes) {
            pane.addMerchantCategories(tally);
            other += pane.mccOther;
        }
        Map<Integer, Integer> sorted = new LinkedHashMap<>();
        tally.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        if (other > 0) {
            sorted.put(-1, other);
        }
        return sorted;
    }

    /** Cities of lodging payments over the window, in the order first seen. */
    List<String> lodgingCities() {
        List<String> cities = new ArrayList<>();
        for (int i = state.panes.length - 1; i >= 0; i--) {
            PaneSummary.Rare rare = state.panes[i].rare;
            if (rare != null) {
                for (String city : rare.lodgingCities) {
                    if (city != null && !cities.contains(city)) {
                        cities.add(city);
                    }
                }
            }
        }
        return cities;
    }

    /** Matched memo keywords with counts over the window, and one example memo. */
    Map<String, Integer> memoKeywords() {
        Map<String, Integer> tally = new LinkedHashMap<>();
        for (int i = state.panes.length - 1; i >= 0; i--) {
            PaneSummary.Rare rare = state.panes[i].rare;
            if (rare != null) {
                String[] names = rare.memoKeywords;
                int[] counts = rare.memoKeywordCounts;
                for (int k = 0; k < names.length; k++) {
                    if (names[k] != null) {
                        tally.merge(names[k], counts[k], Integer::sum);
                    }
                }
            }
        }
        return tally;
    }

    @Nullable
    String memoExample() {
        for (int i = state.panes.length - 1; i >= 0; i--) {
            PaneSummary.Rare rare = state.panes[i].rare;
            if (rare != null && rare.memoExample != null) {
                return rare.memoExample;
            }
        }
        return null;
    }
}
