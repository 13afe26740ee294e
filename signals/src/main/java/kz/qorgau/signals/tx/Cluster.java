package kz.qorgau.signals.tx;

import java.util.List;
import java.util.Objects;

/**
 * Accounts linked by forwarded money or a shared phone number: the pass-through accounts, where
 * their money went, and the phones involved.
 *
 * @param id a stable identifier within one screening run ({@code cluster-1}, …)
 * @param passThrough the pass-through accounts in it
 * @param collectors the accounts that receive from two or more of them
 * @param controllers the accounts that receive a large share from exactly one of them
 * @param accounts every account in it, sorted
 * @param phones every phone in it, E.164, sorted
 * @param flows the forwarded money between its accounts, largest first
 */
public record Cluster(
        String id,
        List<String> passThrough,
        List<String> collectors,
        List<String> controllers,
        List<String> accounts,
        List<String> phones,
        List<Flow> flows) {

    /** Copies the lists. */
    public Cluster {
        Objects.requireNonNull(id, "id");
        passThrough = List.copyOf(passThrough);
        collectors = List.copyOf(collectors);
        controllers = List.copyOf(controllers);
        accounts = List.copyOf(accounts);
        phones = List.copyOf(phones);
        flows = List.copyOf(flows);
    }
}
