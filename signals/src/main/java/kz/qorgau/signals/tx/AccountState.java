package kz.qorgau.signals.tx;

import org.jspecify.annotations.Nullable;

/**
 * One account's memory while it is active: a ring of pane summaries (the current pane and the ones
 * before it that the window still covers), the money received recently and not yet passed on, and
 * the last phone number seen with it.
 */
final class AccountState {

    final String account;
    final @Nullable AccountProfile profile;

    /** The first phone number seen with the account (the holder's, when the accounts file has it). */
    @Nullable
    String phone;

    /** panes[0] is the current pane, panes[i] the pane i steps before it. */
    final PaneSummary[] panes;

    @Nullable
    RecentInflows recent;

    /** The local day (days since the epoch) of the last transfer that passed recent money on. */
    long lastForwardingDay = Long.MIN_VALUE;

    AccountState(String account, @Nullable AccountProfile profile, int paneCount) {
        this.account = account;
        this.profile = profile;
        this.panes = new PaneSummary[paneCount];
        for (int i = 0; i < paneCount; i++) {
            panes[i] = new PaneSummary();
        }
        this.current = panes[0];
    }

    /** panes[0], kept in a field too: it is touched by every transaction. */
    private PaneSummary current;

    PaneSummary current() {
        return current;
    }

    /** Moves every pane one step back; the oldest is cleared and becomes the new current pane. */
    void roll() {
        PaneSummary oldest = panes[panes.length - 1];
        System.arraycopy(panes, 0, panes, 1, panes.length - 1);
        oldest.clear();
        panes[0] = oldest;
        current = oldest;
    }

    /** Whether any pane of the window saw activity. */
    boolean active() {
        for (PaneSummary pane : panes) {
            if (pane.active()) {
                return true;
            }
        }
        return false;
    }
}
