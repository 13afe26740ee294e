package kz.qorgau.signals.tx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of alerts and clusters, one object per line:
 * {@code {"account","typology","score","rules":[{"rule","weight","evidence","facts"}],"linked","phones","window":{"from","to"},"cluster","currency","rulesVersion"}}.
 */
public final class AlertJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertJson() {}

    /** One alert as one line of JSON (no line break). */
    public static String line(Alert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", alert.account());
        json.put("typology", alert.typology().label());
        json.put("score", alert.score());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleHit hit : alert.rules()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", hit.rule());
            rule.put("weight", hit.weight());
            rule.put("evidence", hit.evidence());
            rule.put("facts", hit.facts());
            rules.add(rule);
        }
        json.put("rules", rules);
        json.put("linked", alert.linked());
        json.put("phones", alert.phones());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", alert.windowStart().toString());
        window.put("to", alert.windowEnd().toString());
        json.put("window", window);
        json.put("cluster", alert.cluster());
        json.put("currency", alert.currency());
        json.put("rulesVersion", alert.rulesVersion());
        return JSON.writeValueAsString(json);
    }

    /** One cluster as one line of JSON (no line break). */
    public static String line(Cluster cluster) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cluster", cluster.id());
        json.put("passThrough", cluster.passThrough());
        json.put("collectors", cluster.collectors());
        json.put("controllers", cluster.controllers());
        json.put("accounts", cluster.accounts());
        json.put("phones", cluster.phones());
        List<Map<String, Object>> flows = new ArrayList<>();
        for (Flow flow : cluster.flows()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("from", flow.from());
            f.put("to", flow.to());
            f.put("amount", flow.amount());
            f.put("currency", flow.currency().getCurrencyCode());
            f.put("transfers", flow.transfers());
            f.put("first", flow.first().toString());
            f.put("last", flow.last().toString());
            flows.add(f);
        }
        json.put("flows", flows);
        return JSON.writeValueAsString(json);
    }
}
