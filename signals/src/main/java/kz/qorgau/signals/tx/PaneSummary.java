package kz.qorgau.signals.tx;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one account did during one pane (a fixed slice of time, e.g. 14 days): counts, sums and
 * small bounded sketches, never the transactions themselves. A window is the sum of a few
 * consecutive panes. Amounts are minor units of the reference currency.
 */
final class PaneSummary {

    static final int MAX_CITIES = 8;
    static final int MCC_SLOTS = 6;
    static final int MEMO_SLOTS = 4;

    // Person-to-person inflows: transfers without a merchant category (p2p, salary, ...).
    int inCount;
    long inSum;
    double inSumSquares;
    int inNight;
    int inWeekend;

    @Nullable
    CounterpartySet payers;

    // Card sales received as a merchant (inflows with a merchant category): not person-to-person.
    int salesCount;

    int outCount;
    long outSum;
    // Outflows without a merchant category: money passed on to a person.
    int forwardCount;
    long forwardSum;
    long forwardedWithin;
    double forwardDelayWeighted;

    @Nullable
    RecipientSlots recipients;

    // Card payments to merchants.
    int merchantCount;
    long merchantSum;
    int livingCount;
    long livingSum;
    int @Nullable [] mccCodes;
    int @Nullable [] mccCounts;
    int mccOther;

    int lodgingCount;
    long lodgingSum;
    String @Nullable [] lodgingCities;

    int memoMatches;
    String @Nullable [] memoKeywords;
    int @Nullable [] memoKeywordCounts;

    @Nullable
    String memoExample;

    boolean edgesRecorded;

    boolean active() {
        return inCount > 0 || outCount > 0 || salesCount > 0;
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
        CounterpartySet set = payers;
        if (set == null) {
            set = payers = new CounterpartySet();
        }
        set.add(payer, payerCap);
    }

    void recordSale() {
        salesCount++;
    }

    void recordForward(String recipient, long amount, long epochSecond, double[] matched, int slots) {
        outCount++;
        outSum += amount;
        forwardCount++;
        forwardSum += amount;
        forwardedWithin += (long) matched[0];
        forwardDelayWeighted += matched[1];
        RecipientSlots slotsHere = recipients;
        if (slotsHere == null) {
            slotsHere = recipients = new RecipientSlots(slots);
        }
        slotsHere.add(recipient, amount, epochSecond);
    }

    void recordMerchantPayment(long amount, int mcc, boolean living, boolean lodging, String city) {
        outCount++;
        outSum += amount;
        merchantCount++;
        merchantSum += amount;
        if (living) {
            livingCount++;
            livingSum += amount;
        }
        tallyMcc(mcc);
        if (lodging) {
            lodgingCount++;
            lodgingSum += amount;
            addCity(city);
        }
    }

    private void tallyMcc(int mcc) {
        int[] codes = mccCodes;
        int[] counts = mccCounts;
        if (codes == null || counts == null) {
            codes = mccCodes = new int[MCC_SLOTS];
            counts = mccCounts = new int[MCC_SLOTS];
        }
        for (int i = 0; i < codes.length; i++) {
            if (counts[i] == 0) {
                codes[i] = mcc;
                counts[i] = 1;
                return;
            }
            if (codes[i] == mcc) {
                counts[i]++;
                return;
            }
        }
        mccOther++;
    }

    private void addCity(String city) {
        if (city.isEmpty()) {
            return;
        }
        String[] cities = lodgingCities;
        if (cities == null) {
            cities = lodgingCities = new String[MAX_CITIES];
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

    void recordMemo(List<String> keywords, String transactionId, String memo) {
        memoMatches++;
        if (memoExample == null) {
            String shortMemo = memo.length() > 80 ? memo.substring(0, 80) + "…" : memo;
            memoExample = transactionId + ": \"" + shortMemo + "\"";
        }
        String[] names = memoKeywords;
        int[] counts = memoKeywordCounts;
        if (names == null || counts == null) {
            names = memoKeywords = new String[MEMO_SLOTS];
            counts = memoKeywordCounts = new int[MEMO_SLOTS];
        }
        for (String keyword : keywords) {
            for (int i = 0; i < names.length; i++) {
                if (names[i] == null) {
                    names[i] = keyword;
                    counts[i] = 1;
                    break;
                }
                if (names[i].equals(keyword)) {
                    counts[i]++;
                    break;
                }
            }
        }
    }

    /** Forgets everything, keeping allocated sketches where that is cheap. */
    void clear() {
        inCount = 0;
        inSum = 0;
        inSumSquares = 0;
        inNight = 0;
        inWeekend = 0;
        if (payers != null) {
            payers.clear();
        }
        salesCount = 0;
        outCount = 0;
        outSum = 0;
        forwardCount = 0;
        forwardSum = 0;
        forwardedWithin = 0;
        forwardDelayWeighted = 0;
        recipients = null;
        merchantCount = 0;
        merchantSum = 0;
        livingCount = 0;
        livingSum = 0;
        mccCodes = null;
        mccCounts = null;
        mccOther = 0;
        lodgingCount = 0;
        lodgingSum = 0;
        lodgingCities = null;
        memoMatches = 0;
        memoKeywords = null;
        memoKeywordCounts = null;
        memoExample = null;
        edgesRecorded = false;
    }
}
