package kz.qorgau.signals.tx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one-pass screener. Time is cut into panes aligned to Monday 00:00 in the reporting offset;
 * when the stream crosses a pane boundary every tracked account's window (the last few panes) is
 * evaluated, the panes roll, and accounts without activity in the whole window are dropped.
 */
final class StreamingScreener implements TransactionScreener {

    private final ScreeningRules rules;
    private final AccountDirectory directory;
    private final List<TypologyRule> typologyRules = List.of(
            new RapidPassThrough(),
            new ManySmallSimilarPayments(),
            new NightOrWeekendInflow(),
            new NoLivingCosts(),
            new YoungHolderHighVolume(),
            new LodgingInSeveralCities(),
            new MemoKeywordMatches());

    private final AccountTable states = new AccountTable(1 << 16);
    private final LinkedAccounts links;
    private final Map<String, Finding> findings = new HashMap<>();
    private final Map<String, Feeder> feeders = new HashMap<>();
    private final ReorderBuffer buffer = new ReorderBuffer();
    private final Money money;
    private final java.util.Currency referenceCurrency;
    private final MemoMatches memoMatches;

    private final long paneSeconds;
    private final long origin;
    private final int paneCount;
    private final ZoneOffset reportingOffset;
    private final long latenessSeconds;
    private final int maxBuffered;
    private final long horizonSeconds;
    private final int nightFrom;
    private final int nightTo;
    private final int payerCap;
    private final int recipientSlots;
    private final int recentSlots;
    private final int minRelevantInflows;
    private final double[] matched = new double[2];

    private long currentPane = Long.MIN_VALUE;
    private long maxSeen = Long.MIN_VALUE;
    private long processedUpTo = Long.MIN_VALUE;
    private boolean finished;

    private long screened;
    private long late;
    private long duplicates;
    private long unconvertible;
    private long forcedReleases;
    private long windowsEvaluated;
    private long peakTracked;
    private long evicted;
    private long pooledWindowsEvaluated;

    StreamingScreener(ScreeningRules rules, AccountDirectory directory) {
        this.rules = rules;
        this.directory = directory;
        this.money = new Money(rules.referenceCurrency());
        this.referenceCurrency = rules.referenceCurrency();
        this.memoMatches = new MemoMatches(rules.memoKeywords());
        this.links = new LinkedAccounts(rules.linkedAccounts().maxAccounts());
        ScreeningRules.WindowSettings window = rules.window();
        this.paneSeconds = window.pane().toSeconds();
        this.paneCount = window.panes();
        this.reportingOffset = window.reportingOffset();
        this.origin = LocalDate.of(1970, 1, 5).atStartOfDay().toEpochSecond(reportingOffset);
        this.latenessSeconds = rules.reorder().maxLateness().toSeconds();
        this.maxBuffered = rules.reorder().maxBuffered();
        this.horizonSeconds = rules.passThrough().within().toSeconds();
        this.nightFrom = rules.nightOrWeekend().nightFromHour();
        this.nightTo = rules.nightOrWeekend().nightToHour();
        this.payerCap = rules.limits().trackedCounterparties();
        this.recipientSlots = rules.limits().recipientSlots();
        this.recentSlots = rules.limits().recentInflowSlots();
        this.minRelevantInflows = Math.min(
                Math.min(
                        rules.manyPayers().minDistinctPayers(),
                        rules.nightOrWeekend().minInflows()),
                Math.min(rules.passThrough().minInflows(), rules.noLivingCosts().minInflows()));
    }

    @Override
    public Admission accept(Transaction transaction) {
        if (finished) {
            throw new IllegalStateException("finish() was already called; create a new screener for a new stream");
        }
        long epoch = transaction.timestamp().toEpochSecond();
        long floor = Math.max(maxSeen == Long.MIN_VALUE ? Long.MIN_VALUE : maxSeen - latenessSeconds, processedUpTo);
        if (epoch < floor) {
            late++;
            return new Admission.Late("timestamp " + transaction.timestamp() + " is earlier than "
                    + OffsetDateTime.ofInstant(
                            Instant.ofEpochSecond(floor),
                            transaction.timestamp().getOffset())
                    + ", which the stream has already passed (allowed lateness "
                    + rules.reorder().maxLateness()
                    + "): sort the input by time, or raise reorder.maxLateness");
        }
        if (transaction.currency() != referenceCurrency && rules.minorRate(transaction.currency()) == null) {
            unconvertible++;
            return new Admission.Unconvertible(
                    "no approximate rate for " + transaction.currency().getCurrencyCode() + " in rules "
                            + rules.version() + "; add one under approximateRates");
        }
        if (!buffer.add(transaction, epoch)) {
            duplicates++;
            return new Admission.Duplicate("transaction " + transaction.id()
                    + " is already waiting in the reorder buffer; the copy is skipped");
        }
        if (epoch > maxSeen) {
            maxSeen = epoch;
        }
        long watermark = maxSeen - latenessSeconds;
        while (buffer.size() > 0 && buffer.earliestEpoch() < watermark) {
            process(buffer.poll());
        }
        while (buffer.size() > maxBuffered) {
            forcedReleases++;
            process(buffer.poll());
        }
        return Admission.Admitted.INSTANCE;
    }

    private void process(@Nullable Transaction t) {
        if (t == null) {
            return;
        }
        long epoch = t.timestamp().toEpochSecond();
        advanceTo(epoch);
        processedUpTo = epoch;
        screened++;
        long amount = referenceAmount(t);
        long local = epoch + t.timestamp().getOffset().getTotalSeconds();
        int hour = (int) (Math.floorMod(local, 86_400L) / 3600);
        int dayOfWeek = (int) Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L);
        boolean night = nightFrom > nightTo ? hour >= nightFrom || hour < nightTo : hour >= nightFrom && hour < nightTo;
        boolean weekend = dayOfWeek >= 5;

        AccountState payer = state(t.fromAccount());
        String fromPhone = t.fromPhone();
        if (payer.phone == null && fromPhone != null) {
            payer.phone = phone(payer, fromPhone);
            links.note(payer, fromPhone);
        }
        List<String> keywords = t.memo().isEmpty() ? List.of() : memoMatches.of(t.memo());
        if (!keywords.isEmpty()) {
            payer.current().recordMemo(keywords, t.id(), t.memo());
        }
        if (t.hasMerchantCategory()) {
            // A purchase: it tells about the payer's life. The merchant's side is card acquiring, not
            // person-to-person money, so the merchant is not even looked up (70% of all traffic).
            int mcc = t.merchantCategory();
            payer.current()
                    .recordMerchantPayment(
                            amount,
                            mcc,
                            rules.livingCosts().contains(mcc),
                            rules.lodgingCategories().contains(mcc),
                            t.city());
        } else {
            AccountState payee = state(t.toAccount());
            String toPhone = t.toPhone();
            if (payee.phone == null && toPhone != null) {
                payee.phone = phone(payee, toPhone);
                links.note(payee, toPhone);
            }
            if (!keywords.isEmpty()) {
                payee.current().recordMemo(keywords, t.id(), t.memo());
            }
            LinkedAccounts.Group group = payer.group;
            if (group != null && group == payee.group && group.pooled()) {
                // Between two accounts of one holder: moved money, neither forwarding nor an inflow.
                // The recent money moves with its arrival times, so that the holder's pooled
                // window measures how long it stayed with her, not with one of her accounts.
                payer.current().recordOwnTransfer(amount);
                payer.moveRecentTo(payee, epoch, amount, horizonSeconds, recentSlots);
                return;
            }
            payer.pass(epoch, amount, horizonSeconds, matched);
            payer.current()
                    .recordForward(
                            payee.account, amount, epoch, matched, recipientSlots, Math.floorDiv(local, 86_400L));
            payee.current().recordInflow(amount, night, weekend, payer.account, payerCap);
            payee.receive(epoch, amount, horizonSeconds, recentSlots);
        }
    }

    /** The holder's phone instance when it is the same number, so that the string is kept once. */
    private static String phone(AccountState state, String raw) {
        AccountProfile profile = state.profile;
        String holderPhone = profile == null ? null : profile.holderPhone();
        return holderPhone != null && raw.equals(holderPhone) ? holderPhone : raw;
    }

    private long referenceAmount(Transaction t) {
        if (t.currency() == referenceCurrency) {
            return t.amountMinor();
        }
        BigDecimal rate = rules.minorRate(t.currency());
        if (rate == null || rate.compareTo(BigDecimal.ONE) == 0) {
            return t.amountMinor();
        }
        return BigDecimal.valueOf(t.amountMinor())
                .multiply(rate)
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    private AccountState state(String account) {
        AccountState state = states.get(account);
        if (state == null) {
            AccountProfile profile = directory.get(account);
            String key = profile != null ? profile.account() : account;
            state = new AccountState(key, profile, paneCount);
            states.add(state);
            if (profile != null) {
                links.note(state, profile.holderPhone());
            }
            if (states.size() > peakTracked) {
                peakTracked = states.size();
            }
        }
        return state;
    }

    private void advanceTo(long epoch) {
        long pane = Math.floorDiv(epoch - origin, paneSeconds);
        if (currentPane == Long.MIN_VALUE) {
            currentPane = pane;
            return;
        }
        while (pane > currentPane) {
            closePane(currentPane, true);
            currentPane++;
            if (states.isEmpty()) {
                currentPane = pane;
            }
        }
    }

    /** Evaluates the windows that end with this pane and, if asked, rolls every account's panes. */
    private void closePane(long pane, boolean roll) {
        OffsetDateTime start = paneStart(pane - paneCount + 1);
        OffsetDateTime end = paneStart(pane + 1);
        LocalDate lastDay = end.minusSeconds(1).toLocalDate();
        EvaluationContext context = new EvaluationContext(rules, money, peerVolumes(lastDay));
        states.forEach(state -> {
            if (state.current().active()) {
                evaluate(state, start, end, context);
            }
        });
        for (LinkedAccounts.Group group : links.groups()) {
            if (group.pooled()) {
                evaluatePooled(group, start, end, context);
            }
        }
        if (roll) {
            evicted += states.retainAll(state -> {
                state.roll();
                if (state.active()) {
                    return true;
                }
                links.forget(state);
                return false;
            });
        }
    }

    private PeerVolumes peerVolumes(LocalDate lastDay) {
        ScreeningRules.YoungHolder young = rules.youngHolder();
        PeerVolumes peers = new PeerVolumes(young.maxAge(), young.maxPeerBand(), young.minPeers());
        if (directory.size() == 0) {
            return peers;
        }
        states.forEach(state -> {
            AccountProfile profile = state.profile;
            if (profile == null || profile.holderBirthDate() == null) {
                return;
            }
            long inflow = 0;
            int count = 0;
            for (PaneSummary pane : state.panes) {
                inflow += pane.inSum;
                count += pane.inCount;
            }
            if (count > 0) {
                peers.add(profile.ageOn(lastDay), inflow);
            }
        });
        return peers;
    }

    private void evaluate(AccountState state, OffsetDateTime start, OffsetDateTime end, EvaluationContext context) {
        int inCount = 0;
        int lodging = 0;
        int memos = 0;
        long inSum = 0;
        for (PaneSummary pane : state.panes) {
            inCount += pane.inCount;
            inSum += pane.inSum;
            lodging += pane.lodgingCount();
            memos += pane.memoMatches();
        }
        if (!worthJudging(inCount, inSum, lodging, memos, state.profile)) {
            return;
        }
        windowsEvaluated++;
        WindowView window = new WindowView(state, start, end);
        List<RuleHit> hits = judge(window, context);
        if (hits.isEmpty()) {
            return;
        }
        record(state, window, hits, FlowGraph.combine(hits), List.of());
    }

    /**
     * Evaluates the pooled window of a holder's linked accounts that were active in it. It counts
     * only when it shows more than each account's own window: then every account of the pool gets
     * it as a finding, with the evidence saying that it is pooled and over which accounts.
     */
    private void evaluatePooled(
            LinkedAccounts.Group group, OffsetDateTime start, OffsetDateTime end, EvaluationContext context) {
        List<AccountState> active = new ArrayList<>(group.members.size());
        boolean activeNow = false;
        for (AccountState member : group.members) {
            if (member.active()) {
                active.add(member);
                activeNow |= member.current().active();
            }
        }
        if (active.size() < 2 || !activeNow) {
            return;
        }
        WindowView pooled = new WindowView(active.toArray(new AccountState[0]), start, end);
        if (!worthJudging(pooled.inCount, pooled.inSum, pooled.lodgingCount, pooled.memoMatches, pooled.profile())) {
            return;
        }
        windowsEvaluated++;
        pooledWindowsEvaluated++;
        List<RuleHit> hits = judge(pooled, context);
        if (hits.isEmpty()) {
            return;
        }
        double score = FlowGraph.combine(hits);
        for (AccountState member : active) {
            if (FlowGraph.combine(judge(new WindowView(member, start, end), context)) >= score) {
                return;
            }
        }
        List<String> accounts = pooled.accounts();
        List<RuleHit> described = new ArrayList<>(hits.size());
        for (RuleHit hit : hits) {
            described.add(pooledHit(hit, pooled, context));
        }
        for (AccountState member : active) {
            List<String> others = new ArrayList<>(accounts);
            others.remove(member.account);
            record(member, pooled, described, score, others);
        }
    }

    private static RuleHit pooledHit(RuleHit hit, WindowView pooled, EvaluationContext context) {
        List<String> accounts = pooled.accounts();
        String moved = pooled.ownTransfers == 0
                ? ""
                : "; " + context.money().format(pooled.ownTransferSum) + " moved between them in "
                        + pooled.ownTransfers + (pooled.ownTransfers == 1 ? " transfer" : " transfers")
                        + " is not counted as received or passed on";
        String evidence = "Pooled over the " + accounts.size() + " accounts with the holder's phone number ("
                + String.join(", ", accounts) + moved + "): " + hit.evidence();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("pooledAccounts", accounts);
        facts.put("movedBetweenThem", context.money().major(pooled.ownTransferSum));
        facts.putAll(hit.facts());
        return new RuleHit(hit.rule(), hit.weight(), evidence, facts);
    }

    /**
     * Whether any rule could fire on a window with these totals: most accounts' windows cannot, and
     * are not built at all.
     */
    private boolean worthJudging(int inCount, long inSum, int lodging, int memos, @Nullable AccountProfile profile) {
        boolean youngCandidate = profile != null
                && profile.holderBirthDate() != null
                && inSum >= rules.youngHolder().minVolumeMinor();
        return inCount >= minRelevantInflows
                || youngCandidate
                || lodging >= rules.lodging().minPayments()
                || memos >= rules.memo().minMatches();
    }

    /** The rules that fire on a window, strongest first. */
    private List<RuleHit> judge(WindowView window, EvaluationContext context) {
        List<RuleHit> hits = new ArrayList<>(2);
        for (TypologyRule rule : typologyRules) {
            RuleHit hit = rule.evaluate(window, context);
            if (hit != null) {
                hits.add(hit);
            }
        }
        hits.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return hits;
    }

    private void record(
            AccountState state, WindowView window, List<RuleHit> hits, double score, List<String> pooledWith) {
        boolean passThrough = false;
        for (RuleHit hit : hits) {
            passThrough |= hit.rule().equals(ScreeningRules.Rules.PASS_THROUGH);
        }
        OffsetDateTime start = window.start;
        OffsetDateTime end = window.end;
        String phone = state.phone != null ? state.phone : state.profile != null ? state.profile.holderPhone() : null;
        long activity = (long) window.inCount + window.outCount;
        Finding finding = findings.get(state.account);
        if (finding == null) {
            findings.put(
                    state.account,
                    new Finding(state.account, score, hits, start, end, passThrough, activity, phone, pooledWith));
        } else {
            finding.offer(
                    score,
                    hits,
                    start,
                    end,
                    passThrough,
                    activity,
                    rules.alert().minScore(),
                    phone,
                    pooledWith);
        }
        if (passThrough && score >= rules.collector().feederMinScore()) {
            recordFeeder(state, score);
        }
    }

    private void recordFeeder(AccountState state, double score) {
        Feeder feeder = feeders.get(state.account);
        if (feeder == null) {
            if (feeders.size() >= rules.limits().maxFeeders()) {
                return;
            }
            feeder = new Feeder(state.account);
            feeders.put(state.account, feeder);
        }
        LinkedAccounts.Group group = state.group;
        if (group != null && group.pooled()) {
            feeder.holder = "tel:" + group.phoneKey;
        }
        feeder.score = Math.max(feeder.score, score);
        for (PaneSummary pane : state.panes) {
            if (!pane.edgesRecorded) {
                feeder.addPane(pane, states);
                pane.edgesRecorded = true;
            }
        }
    }

    private OffsetDateTime paneStart(long pane) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(origin + pane * paneSeconds), reportingOffset);
    }

    @Override
    public ScreeningReport finish() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        finished = true;
        while (buffer.size() > 0) {
            process(buffer.poll());
        }
        if (currentPane != Long.MIN_VALUE) {
            closePane(currentPane, false);
        }
        FlowGraph.Result result = new FlowGraph(rules).resolve(feeders, findings, this::rawPhone);
        ScreeningCounts counts = new ScreeningCounts(
                screened,
                late,
                duplicates,
                unconvertible,
                forcedReleases,
                windowsEvaluated,
                pooledWindowsEvaluated,
                peakTracked,
                evicted);
        return new ScreeningReport(result.alerts(), result.clusters(), counts, rules.version());
    }

    private @Nullable String rawPhone(String account) {
        AccountState state = states.get(account);
        if (state != null && state.phone != null) {
            return state.phone;
        }
        AccountProfile profile = directory.get(account);
        return profile == null ? null : profile.holderPhone();
    }
}
