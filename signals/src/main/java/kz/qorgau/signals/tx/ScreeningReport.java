package kz.qorgau.signals.tx;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The result of a screening run: alerts with evidence, the clusters they form, and counts.
 *
 * @param alerts one per alerted account, the highest score first
 * @param clusters clusters of linked accounts around pass-through accounts
 * @param counts what the run did
 * @param rulesVersion the version of the rule configuration used
 */
public record ScreeningReport(List<Alert> alerts, List<Cluster> clusters, ScreeningCounts counts, String rulesVersion) {

    /** Copies the lists. */
    public ScreeningReport {
        alerts = List.copyOf(alerts);
        clusters = List.copyOf(clusters);
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
    }

    /**
     * Every account the alerts and clusters name (alerted, linked, in a cluster), sorted: what a
     * server matches against the accounts recorded in open cases.
     */
    public Set<String> involvedAccounts() {
        Set<String> accounts = new TreeSet<>();
        for (Alert alert : alerts) {
            accounts.add(alert.account());
            accounts.addAll(alert.linked());
        }
        for (Cluster cluster : clusters) {
            accounts.addAll(cluster.accounts());
        }
        return accounts;
    }

    /** Every phone number (E.164) the alerts and clusters name, sorted. */
    public Set<String> involvedPhones() {
        Set<String> phones = new TreeSet<>();
        for (Alert alert : alerts) {
            phones.addAll(alert.phones());
        }
        for (Cluster cluster : clusters) {
            phones.addAll(cluster.phones());
        }
        return phones;
    }
}
