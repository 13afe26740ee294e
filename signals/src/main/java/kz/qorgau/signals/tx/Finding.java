package kz.qorgau.signals.tx;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The strongest window seen so far for one account in which at least one rule fired. A window in
 * which the pass-through rule fired at alert level outranks any window in which it did not, so the
 * evidence shown for a pass-through account is its pass-through evidence.
 */
final class Finding {

    final String account;
    double score;
    List<RuleHit> hits;
    OffsetDateTime start;
    OffsetDateTime end;
    boolean passThrough;
    long activity;

    @Nullable
    String phone;

    /** The linked accounts whose window was pooled with this one's, or empty. */
    List<String> pooledWith;

    Finding(
            String account,
            double score,
            List<RuleHit> hits,
            OffsetDateTime start,
            OffsetDateTime end,
            boolean passThrough,
            long activity,
            @Nullable String phone,
            List<String> pooledWith) {
        this.account = account;
        this.score = score;
        this.hits = hits;
        this.start = start;
        this.end = end;
        this.passThrough = passThrough;
        this.activity = activity;
        this.phone = phone;
        this.pooledWith = pooledWith;
    }

    /**
     * Keeps the other window if it ranks higher: pass-through at alert level first, then the score,
     * then (windows overlap, so equal scores are common) the window with more transactions in it.
     */
    void offer(
            double otherScore,
            List<RuleHit> otherHits,
            OffsetDateTime otherStart,
            OffsetDateTime otherEnd,
            boolean otherPassThrough,
            long otherActivity,
            double alertLevel,
            @Nullable String otherPhone,
            List<String> otherPooledWith) {
        boolean mine = passThrough && score >= alertLevel;
        boolean theirs = otherPassThrough && otherScore >= alertLevel;
        boolean better = otherScore > score || otherScore == score && otherActivity > activity;
        if (theirs && !mine || theirs == mine && better) {
            score = otherScore;
            hits = otherHits;
            start = otherStart;
            end = otherEnd;
            passThrough = otherPassThrough;
            activity = otherActivity;
            pooledWith = otherPooledWith;
        }
        if (otherPhone != null) {
            phone = otherPhone;
        }
    }
}
