package kz.qorgau.signals.tx;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one account did during one pane (a fixed slice of time, e.g. 14 days): counts, sums and
 * small bounded sketches, never the transactions themselves. A window is the sum of a few
 * consecutive panes. Amounts are minor units of the reference currency.
 *
 * <p>A million of these live at once, so the layout is frugal: the first two payers are kept in
 * fields before a set is allocated, what is rare (lodging, memo keywords) sits in one object
 * allocated on first use, and totals that are sums of others are not stored.
 */
final class PaneSummary {

    static final int MAX_CITIES = 8;
    static final int MCC_SLOTS = 4;
    static final int MEMO_SLOTS = 4;
    private static final int COUNT_BITS = 18;
    private static final int COUNT_MASK = (1 << COUNT_BITS) - 1;

    // Person-to-person inflows: transfers without a merchant category (p2p, salary, ...).
    int inCount;
    long inSum;
    double inSumSquares;
    int inNight;
    int inWeekend;
    // Distinct payers as hashes: two in fields, more in a set.
    private int firstPayer;
    private int secondPayer;
    private @Nullable CounterpartySet morePayers;

    // Outflows without a merchant category: money passed on to a person.
    int forwardCount;
    long forwardSum;
    // The part of it that had arrived within the pass-through horizon, and the days it left on: bit
    // (local day mod 64), exact because a pane is at most 62 days (see ScreeningRules).
    long forwardedWithin;
    double forwardDelayWeighted;
    long forwardDayBits;

    @Nullable
    RecipientSlots recipients;

    // Card payments to merchants.
    int merchantCount;
    long merchantSum;
    int livingCount;
    /** Merchant categories paid, each packed as {@code code << 18 | count}. */
    int @Nullable [] mccTally;

    int mccOther;

    @Nullable
    Rare rare;

    boolean edgesRecorded;

    /** Lodging payments and memo keywords: seen on few accounts, so allocated on first use. */
    static final class Rare {
        int lodgingCount;
        long lodgingSum;
        final String[] lodgingCities = new String[MAX_CITIES];
        int memoMatches;
        final String[] memoKeywords = new String[MEMO_SLOTS];
        final int[] memoKeywordCounts = new int[MEMO_SLOTS];

        @Nullable
        String memoExample;

        // Money moved to another account of the same holder (see LinkedAccounts), on the sending side.
        int ownTransfers;
        long ownTransferSum;
    }

    boolean active() {
        Rare r = rare;
        return inCount > 0 || forwardCount > 0 || merchantCount > 0 || r != null && r.ownTransfers > 0;
    }

    int outCount() {
        return forwardCount + merchantCount;
    }

    long outSum() {
        return forwardSum + merchantSum;
    }

    int lodgingCount() {
        Rare r = rare;
        return r == null ? 0 : r.lodgingCount;
    }

    int memoMatches() {
        Rare r = rare;
        return r == null ? 0 : r.memoMatches;
    }

    private Rare rare() {
        Rare r = rare;
        if (r == null) {
            r = rare = new Rare();
        }
        return r;
    }

    void recordInflow(long amount, boolean night, boolean weekend, String payer, int payerCap) {
        inCount++;
        inSum += amount;
        inSumSquares += (double) amount * amount;
        if (night) {
            inNight++;
        }
        if (weekend) {
            inWeekend++;
        }
        int hash = CounterpartySet.hash(payer);
        if (hash == firstPayer || hash == secondPayer) {
            return;
        }
        if (firstPayer == 0) {
            firstPayer = hash;
        } else if (secondPayer == 0) {
            secondPayer = hash;
        } else {
            CounterpartySet set = morePayers;
            if (set == null) {
                set = morePayers = new CounterpartySet();
            }
            set.addHash(hash, payerCap - 2);
        }
    }

    /** Adds this pane's payers to a window-wide set. */
    void addPayersTo(CounterpartySet union, int cap) {
        if (firstPayer != 0) {
            union.addHash(firstPayer, cap);
        }
        if (secondPayer != 0) {
            union.addHash(secondPayer, cap);
        }
        CounterpartySet set = morePayers;
        if (set != null) {
            union.addAll(set, cap);
        }
    }

    /**
     * Records money sent to a person. Only the part covered by money received within the horizon
     * ({@code matched[0]}) is passed-through money; only that part is attributed to the recipient, so
     * ordinary accounts that pay friends now and then never allocate a recipient summary.
     */
    void recordForward(String recipient, long amount, long epochSecond, double[] matched, int slots, long localDay) {
        forwardCount++;
        forwardSum += amount;
        long rapid = (long) matched[0];
        if (rapid <= 0) {
            return;
        }
        forwardedWithin += rapid;
        forwardDelayWeighted += matched[1];
        forwardDayBits |= 1L << Math.floorMod(localDay, 64L);
        RecipientSlots slotsHere = recipients;
        if (slotsHere == null) {
            slotsHere = recipients = new RecipientSlots(slots);
        }
        slotsHere.add(recipient, rapid, epochSecond);
    }

    void recordMerchantPayment(long amount, int mcc, boolean living, boolean lodging, String city) {
        merchantCount++;
        merchantSum += amount;
        if (living) {
            livingCount++;
        }
        tallyMcc(mcc);
        if (lodging) {
            Rare r = rare();
            r.lodgingCount++;
            r.lodgingSum += amount;
            addCity(r.lodgingCities, city);
        }
    }

    private void tallyMcc(int mcc) {
        int[] tally = mccTally;
        if (tally == null) {
            tally = mccTally = new int[MCC_SLOTS];
        }
        for (int i = 0; i < tally.length; i++) {
            int entry = tally[i];
            if (entry == 0) {
                tally[i] = mcc << COUNT_BITS | 1;
                return;
            }
            if (entry >>> COUNT_BITS == mcc) {
                if ((entry & COUNT_MASK) < COUNT_MASK) {
                    tally[i] = entry + 1;
                }
                return;
            }
        }
        mccOther++;
    }

    /** Adds this pane's merchant categories to a tally (code → count). */
    void addMerchantCategories(Map<Integer, Integer> tally) {
        int[] packed = mccTally;
        if (packed != null) {
            for (int entry : packed) {
                if (entry != 0) {
                    tally.merge(entry >>> COUNT_BITS, entry & COUNT_MASK, Integer::sum);
                }
            }
        }
    }

    private static void addCity(String[] cities, String city) {
        if (city.isEmpty()) {
            return;
        }
        for (int i = 0; i < cities.length; i++) {
            if (cities[i] == null) {
                cities[i] = city;
                return;
            }
            if (city.equals(cities[i])) {
                return;
            }
        }
    }

    /** Records money moved to another account of the same holder: neither an inflow nor forwarding. */
    void recordOwnTransfer(long amount) {
        Rare r = rare();
        r.ownTransfers++;
        r.ownTransferSum += amount;
    }

    void recordMemo(List<String> keywords, String transactionId, String memo) {
        Rare r = rare();
        r.memoMatches++;
        if (r.memoExample == null) {
            String shortMemo = memo.length() > 80 ? memo.substring(0, 80) + "…" : memo;
            r.memoExample = transactionId + ": \"" + shortMemo + "\"";
        }
        for (String keyword : keywords) {
            for (int i = 0; i < r.memoKeywords.length; i++) {
                if (r.memoKeywords[i] == null) {
                    r.memoKeywords[i] = keyword;
                    r.memoKeywordCounts[i] = 1;
                    break;
                }
                if (r.memoKeywords[i].equals(keyword)) {
                    r.memoKeywordCounts[i]++;
                    break;
                }
            }
        }
    }

    /**
     * Forgets everything but keeps what was allocated, zeroed: a million accounts re-allocating their
     * sketches at every pane boundary would only feed the garbage collector.
     */
    void clear() {
        inCount = 0;
        inSum = 0;
        inSumSquares = 0;
        inNight = 0;
        inWeekend = 0;
        firstPayer = 0;
        secondPayer = 0;
        if (morePayers != null) {
            morePayers.clear();
        }
        forwardCount = 0;
        forwardSum = 0;
        forwardedWithin = 0;
        forwardDelayWeighted = 0;
        forwardDayBits = 0;
        if (recipients != null) {
            recipients.clear();
        }
        merchantCount = 0;
        merchantSum = 0;
        livingCount = 0;
        if (mccTally != null) {
            java.util.Arrays.fill(mccTally, 0);
        }
        mccOther = 0;
        rare = null;
        edgesRecorded = false;
    }
}
