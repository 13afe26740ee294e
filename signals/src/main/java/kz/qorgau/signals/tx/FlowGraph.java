package kz.qorgau.signals.tx;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.jspecify.annotations.Nullable;

/**
 * The collector and cluster stage. Works only on the forwarding edges of pass-through accounts and
 * the per-account findings, never on the transactions: accounts and phones become vertices of a
 * JGraphT graph, forwarded money and "uses this phone" become edges, and the weakly connected
 * components are the clusters. An account receiving a real share of the forwarded money of several
 * pass-through accounts is a collector; of exactly one, a controller.
 */
final class FlowGraph {

    private static final String PHONE = "tel:";

    /** An edge of the graph: money forwarded, or an account's phone. Identity equality on purpose. */
    static final class Link {
        final long amount;
        final int transfers;
        final long first;
        final long last;

        Link(long amount, int transfers, long first, long last) {
            this.amount = amount;
            this.transfers = transfers;
            this.first = first;
            this.last = last;
        }
    }

    private record Incoming(Feeder feeder, long amount, int transfers, long first, long last, double share) {}

    private final ScreeningRules rules;
    private final Money money;
    private final ZoneOffset offset;

    FlowGraph(ScreeningRules rules) {
        this.rules = rules;
        this.money = new Money(rules.referenceCurrency());
        this.offset = rules.window().reportingOffset();
    }

    /**
     * Builds alerts and clusters.
     *
     * @param feeders pass-through accounts with their forwarding edges
     * @param findings per-account strongest windows
     * @param phoneOf the raw phone last seen for an account still in memory, or its holder's phone
     */
    Result resolve(
            Map<String, Feeder> feeders,
            Map<String, Finding> findings,
            java.util.function.Function<String, @Nullable String> phoneOf) {
        ScreeningRules.CollectorSettings collector = rules.collector();
        ScreeningRules.ControllerSettings controller = rules.controller();
        double minScore = rules.alert().minScore();

        Map<String, List<Incoming>> incoming = new TreeMap<>();
        for (Feeder feeder : feeders.values()) {
            if (feeder.forwardedTotal <= 0) {
                continue;
            }
            feeder.edges.forEach((recipient, edge) -> {
                double share = (double) edge[0] / feeder.forwardedTotal;
                if (share
                        >= Math.min(collector.minShareOfFeederForwarding(), controller.minShareOfFeederForwarding())) {
                    incoming.computeIfAbsent(recipient, r -> new ArrayList<>())
                            .add(new Incoming(feeder, edge[0], (int) edge[1], edge[2], edge[3], share));
                }
            });
        }

        Map<String, List<Incoming>> collectors = new TreeMap<>();
        Map<String, Incoming> controllers = new TreeMap<>();
        incoming.forEach((recipient, edges) -> {
            List<Incoming> strong = edges.stream()
                    .filter(e -> e.share() >= collector.minShareOfFeederForwarding())
                    .sorted(Comparator.comparingLong(Incoming::amount).reversed())
                    .toList();
            // Two linked accounts of one holder are one feeder, not two.
            long holders =
                    strong.stream().map(e -> e.feeder().holder).distinct().count();
            long allHolders =
                    edges.stream().map(e -> e.feeder().holder).distinct().count();
            Incoming largest = edges.stream()
                    .max(Comparator.comparingDouble(Incoming::share))
                    .orElseThrow();
            if (holders >= collector.minFeeders()) {
                collectors.put(recipient, strong);
            } else if (allHolders == 1 && largest.share() >= controller.minShareOfFeederForwarding()) {
                controllers.put(recipient, largest);
            }
        });

        Graph<String, Link> graph = new DirectedWeightedMultigraph<>(Link.class);
        Map<String, String> phones = new HashMap<>();
        for (Feeder feeder : feeders.values()) {
            graph.addVertex(feeder.account);
            notePhone(phones, feeder.account, phoneOf.apply(feeder.account), findings);
        }
        incoming.forEach((recipient, edges) -> {
            if (!collectors.containsKey(recipient) && !controllers.containsKey(recipient)) {
                return;
            }
            graph.addVertex(recipient);
            for (Incoming edge : edges) {
                graph.addEdge(
                        edge.feeder().account,
                        recipient,
                        new Link(edge.amount(), edge.transfers(), edge.first(), edge.last()));
                String raw = phoneOf.apply(recipient);
                notePhone(
                        phones,
                        recipient,
                        raw != null ? raw : edge.feeder().recipientPhones.get(recipient),
                        findings);
            }
        });
        phones.forEach((account, phone) -> {
            String vertex = PHONE + phone;
            graph.addVertex(vertex);
            graph.addEdge(account, vertex, new Link(0, 0, 0, 0));
        });

        List<Set<String>> components = new ArrayList<>(new ConnectivityInspector<>(graph).connectedSets());
        List<Set<String>> withFlows = new ArrayList<>();
        for (Set<String> component : components) {
            Set<String> sorted = new TreeSet<>(component);
            long accounts = sorted.stream().filter(v -> !v.startsWith(PHONE)).count();
            if (accounts >= 2) {
                withFlows.add(sorted);
            }
        }
        withFlows.sort(Comparator.comparing(s -> s.iterator().next()));
        Map<String, String> clusterOf = new HashMap<>();
        List<Cluster> clusters = new ArrayList<>();
        for (Set<String> component : withFlows) {
            String id = "cluster-" + (clusters.size() + 1);
            List<String> accounts = new ArrayList<>();
            List<String> clusterPhones = new ArrayList<>();
            List<Flow> flows = new ArrayList<>();
            for (String vertex : component) {
                if (vertex.startsWith(PHONE)) {
                    clusterPhones.add(vertex.substring(PHONE.length()));
                    continue;
                }
                accounts.add(vertex);
                clusterOf.put(vertex, id);
                for (Link link : graph.outgoingEdgesOf(vertex)) {
                    if (link.transfers > 0) {
                        flows.add(new Flow(
                                vertex,
                                graph.getEdgeTarget(link),
                                money.major(link.amount),
                                money.currency(),
                                link.transfers,
                                time(link.first),
                                time(link.last)));
                    }
                }
            }
            flows.sort(Comparator.comparing(Flow::amount).reversed().thenComparing(Flow::from));
            clusters.add(new Cluster(
                    id,
                    accounts.stream().filter(feeders::containsKey).toList(),
                    accounts.stream().filter(collectors::containsKey).toList(),
                    accounts.stream().filter(controllers::containsKey).toList(),
                    accounts,
                    clusterPhones,
                    flows));
        }

        List<Alert> alerts = new ArrayList<>();
        Set<String> accounts = new TreeSet<>(findings.keySet());
        accounts.addAll(collectors.keySet());
        accounts.addAll(controllers.keySet());
        for (String account : accounts) {
            Finding own = findings.get(account);
            List<RuleHit> hits = new ArrayList<>(own == null ? List.of() : own.hits);
            Typology typology;
            List<String> linked = new ArrayList<>();
            boolean graphRule = false;
            if (collectors.containsKey(account)) {
                List<Incoming> edges = collectors.get(account);
                hits.add(collectorHit(edges));
                edges.forEach(e -> linked.add(e.feeder().account));
                typology = Typology.COLLECTOR;
                graphRule = true;
            } else if (own != null && own.passThrough && feeders.containsKey(account)) {
                typology = Typology.PASS_THROUGH;
            } else if (controllers.containsKey(account)) {
                Incoming edge = controllers.get(account);
                hits.add(controllerHit(edge));
                linked.add(edge.feeder().account);
                typology = Typology.CONTROLLER;
                graphRule = true;
            } else {
                typology = Typology.SUSPICIOUS_INFLOW;
            }
            Feeder asFeeder = feeders.get(account);
            if (asFeeder != null) {
                asFeeder.edges.entrySet().stream()
                        .filter(e -> collectors.containsKey(e.getKey()) || controllers.containsKey(e.getKey()))
                        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0])
                                .reversed())
                        .forEach(e -> {
                            if (!linked.contains(e.getKey())) {
                                linked.add(e.getKey());
                            }
                        });
            }
            if (own != null) {
                for (String pooledWith : own.pooledWith) {
                    if (!linked.contains(pooledWith)) {
                        linked.add(pooledWith);
                    }
                }
            }
            hits.sort(Comparator.comparingDouble(RuleHit::weight).reversed().thenComparing(RuleHit::rule));
            double score = combine(hits);
            boolean enoughRules = graphRule || hits.size() >= rules.alert().minRules();
            if (score < minScore || !enoughRules) {
                continue;
            }
            OffsetDateTime start;
            OffsetDateTime end;
            if (own != null) {
                start = own.start;
                end = own.end;
            } else {
                List<Incoming> edges =
                        collectors.containsKey(account) ? collectors.get(account) : List.of(controllers.get(account));
                start = time(edges.stream().mapToLong(Incoming::first).min().orElse(0));
                end = time(edges.stream().mapToLong(Incoming::last).max().orElse(0) + 1);
            }
            String phone = phones.get(account);
            if (phone == null) {
                phone = PhoneNumbers.e164(phoneOf.apply(account));
            }
            alerts.add(new Alert(
                    account,
                    typology,
                    Money.round2(score),
                    hits,
                    linked,
                    phone == null ? List.of() : List.of(phone),
                    start,
                    end,
                    clusterOf.get(account),
                    money.currency().getCurrencyCode(),
                    rules.version()));
        }
        alerts.sort(Comparator.comparingDouble(Alert::score).reversed().thenComparing(Alert::account));
        return new Result(alerts, clusters);
    }

    record Result(List<Alert> alerts, List<Cluster> clusters) {}

    /** {@code 1 − Π(1 − weight)}: each rule that fires removes a share of the remaining doubt. */
    static double combine(List<RuleHit> hits) {
        double doubt = 1;
        for (RuleHit hit : hits) {
            doubt *= 1 - hit.weight();
        }
        return Math.min(1, Math.max(0, 1 - doubt));
    }

    private void notePhone(
            Map<String, String> phones, String account, @Nullable String raw, Map<String, Finding> findings) {
        String value = raw;
        if (value == null) {
            Finding finding = findings.get(account);
            value = finding == null ? null : finding.phone;
        }
        String e164 = PhoneNumbers.e164(value);
        if (e164 != null) {
            phones.put(account, e164);
        }
    }

    private RuleHit collectorHit(List<Incoming> edges) {
        ScreeningRules.CollectorSettings settings = rules.collector();
        int extra = edges.size() - settings.minFeeders();
        double weight = 1 - (1 - settings.weight()) * Math.pow(1 - settings.extraFeederWeight(), Math.max(0, extra));
        long total = edges.stream().mapToLong(Incoming::amount).sum();
        int transfers = edges.stream().mapToInt(Incoming::transfers).sum();
        List<String> named = new ArrayList<>();
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Incoming edge : edges) {
            named.add(describe(edge));
            facts.add(edgeFacts(edge));
        }
        String evidence = "Received " + money.format(total) + " in " + transfers + " transfers forwarded by "
                + edges.size() + " pass-through accounts: " + String.join("; ", named);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("feeders", edges.size());
        all.put("received", money.major(total));
        all.put("transfers", transfers);
        all.put("from", facts);
        return new RuleHit(ScreeningRules.Rules.COLLECTOR, Money.round2(weight), evidence, all);
    }

    private RuleHit controllerHit(Incoming edge) {
        String evidence = "Received money forwarded by one pass-through account: " + describe(edge);
        Map<String, Object> facts = edgeFacts(edge);
        return new RuleHit(ScreeningRules.Rules.CONTROLLER, rules.controller().weight(), evidence, facts);
    }

    private String describe(Incoming edge) {
        return edge.feeder().account + " sent " + money.format(edge.amount()) + " in " + edge.transfers()
                + " transfers between " + time(edge.first()).toLocalDate() + " and "
                + time(edge.last()).toLocalDate() + ", " + Money.percent(edge.share())
                + " of all it forwarded (its own score " + Money.round2(edge.feeder().score) + ")";
    }

    private Map<String, Object> edgeFacts(Incoming edge) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("account", edge.feeder().account);
        fact.put("amount", money.major(edge.amount()));
        fact.put("transfers", edge.transfers());
        fact.put("first", time(edge.first()).toString());
        fact.put("last", time(edge.last()).toString());
        fact.put("shareOfItsForwarding", Money.round2(edge.share()));
        fact.put("itsScore", Money.round2(edge.feeder().score));
        return fact;
    }

    private OffsetDateTime time(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset);
    }
}
