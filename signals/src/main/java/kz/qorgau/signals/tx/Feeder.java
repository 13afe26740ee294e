package kz.qorgau.signals.tx;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pass-through account's forwarding edges, accumulated over the panes of its suspicious windows:
 * the bounded input of the collector and cluster stage (at most recipientSlots edges per pane).
 */
final class Feeder {

    final String account;
    /**
     * Whose account it is, for counting a collector's feeders: the account itself, or
     * {@code tel:} and the holder's number when it is one of a holder's linked accounts.
     */
    String holder;

    long forwardedTotal;
    double score;
    /** recipient → {guaranteed amount, transfers, first epoch second, last epoch second}. */
    final Map<String, long[]> edges = new HashMap<>();
    /** Phones of the recipients as last seen, raw. */
    final Map<String, String> recipientPhones = new HashMap<>();

    Feeder(String account) {
        this.account = account;
        this.holder = account;
    }

    void addPane(PaneSummary pane, @Nullable AccountTable states) {
        forwardedTotal += pane.forwardedWithin;
        RecipientSlots slots = pane.recipients;
        if (slots != null) {
            slots.addTo(edges);
        }
        if (states != null) {
            for (String recipient : edges.keySet()) {
                AccountState state = states.get(recipient);
                if (state != null && state.phone != null) {
                    recipientPhones.put(recipient, state.phone);
                }
            }
        }
    }
}
