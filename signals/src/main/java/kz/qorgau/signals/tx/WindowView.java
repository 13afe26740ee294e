package kz.qorgau.signals.tx;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One account's window, or the pooled window of a holder's linked accounts: the sums of their pane
 * summaries, with the sketches merged on demand. Built at each pane boundary for each active
 * account (and each pooled group) and dropped after evaluation.
 *
 * <p>Pooled, the window is what the accounts did together: inflows and payers from other people
 * (transfers between the accounts are neither, see {@link PaneSummary#recordOwnTransfer}), money
 * passed on to others, and the distinct days it was passed on by any of them.
 */
final class WindowView {

    /** The accounts, one unless pooled. */
    final AccountState[] members;

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
    final int ownTransfers;
    final long ownTransferSum;

    /** Every pane of every member. */
    private final PaneSummary[] panes;

    private @Nullable List<RecipientSlots.Share> recipients;

    WindowView(AccountState state, OffsetDateTime start, OffsetDateTime end) {
        this(new AccountState[] {state}, start, end);
    }

    WindowView(AccountState[] members, OffsetDateTime start, OffsetDateTime end) {
        this.members = members;
        this.start = start;
        this.end = end;
        this.lastDay = end.minusSeconds(1).toLocalDate();
        int paneCount = members[0].panes.length;
        if (members.length == 1) {
            this.panes = members[0].panes;
        } else {
            this.panes = new PaneSummary[members.length * paneCount];
            for (int m = 0; m < members.length; m++) {
                System.arraycopy(members[m].panes, 0, panes, m * paneCount, paneCount);
            }
        }
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
        int merchantCount = 0;
        long merchantSum = 0;
        int livingCount = 0;
        int lodgingCount = 0;
        long lodgingSum = 0;
        int memoMatches = 0;
        int ownTransfers = 0;
        long ownTransferSum = 0;
        for (PaneSummary pane : panes) {
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
            merchantCount += pane.merchantCount;
            merchantSum += pane.merchantSum;
            livingCount += pane.livingCount;
            PaneSummary.Rare rare = pane.rare;
            if (rare != null) {
                lodgingCount += rare.lodgingCount;
                lodgingSum += rare.lodgingSum;
                memoMatches += rare.memoMatches;
                ownTransfers += rare.ownTransfers;
                ownTransferSum += rare.ownTransferSum;
            }
        }
        // Days are counted per pane (panes do not overlap); pooled, a day on which two of the
        // accounts passed money on is one day.
        int forwardDays = 0;
        for (int i = 0; i < paneCount; i++) {
            long days = 0;
            for (AccountState member : members) {
                days |= member.panes[i].forwardDayBits;
            }
            forwardDays += Long.bitCount(days);
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
        this.ownTransfers = ownTransfers;
        this.ownTransferSum = ownTransferSum;
    }

    /** Whether this is the pooled window of several linked accounts. */
    boolean pooled() {
        return members.length > 1;
    }

    /** The accounts of the window, in the order they were first seen. */
    List<String> accounts() {
        List<String> accounts = new ArrayList<>(members.length);
        for (AccountState member : members) {
            accounts.add(member.account);
        }
        return accounts;
    }

    /**
     * What the accounts file says about the holder: the first member's profile with a birth date
     * (linked accounts share a holder), else the first member's, else {@code null}.
     */
    @Nullable
    AccountProfile profile() {
        for (AccountState member : members) {
            AccountProfile profile = member.profile;
            if (profile != null && profile.holderBirthDate() != null) {
                return profile;
            }
        }
        return members[0].profile;
    }

    /** Distinct payers over the window; {@code saturated[0]} says whether it is only a lower bound. */
    int distinctPayers(int cap, boolean[] saturated) {
        CounterpartySet union = new CounterpartySet();
        for (PaneSummary pane : panes) {
            pane.addPayersTo(union, cap);
        }
        saturated[0] = union.saturated();
        return union.size();
    }

    /** Whether any pane's recipient summary had to drop a recipient (amounts are then bounds). */
    boolean recipientsOverflowed() {
        for (PaneSummary pane : panes) {
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
            List<RecipientSlots> slots = new ArrayList<>(panes.length);
            for (PaneSummary pane : panes) {
                if (pane.recipients != null) {
                    slots.add(pane.recipients);
                }
            }
            merged = RecipientSlots.merged(slots);
            if (members.length > 1) {
                List<String> own = accounts();
                merged = merged.stream()
                        .filter(share -> !own.contains(share.recipient()))
                        .toList();
            }
            recipients = merged;
        }
        return merged;
    }

    /** Card payments by merchant category over the window, most frequent first; key -1 is "other". */
    Map<Integer, Integer> merchantCategories() {
        Map<Integer, Integer> tally = new LinkedHashMap<>();
        int other = 0;
        for (PaneSummary pane : panes) {
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
        for (int i = panes.length - 1; i >= 0; i--) {
            PaneSummary.Rare rare = panes[i].rare;
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
        for (int i = panes.length - 1; i >= 0; i--) {
            PaneSummary.Rare rare = panes[i].rare;
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
        for (int i = panes.length - 1; i >= 0; i--) {
            PaneSummary.Rare rare = panes[i].rare;
            if (rare != null && rare.memoExample != null) {
                return rare.memoExample;
            }
        }
        return null;
    }
}
