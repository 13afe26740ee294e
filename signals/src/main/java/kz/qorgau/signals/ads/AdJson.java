package kz.qorgau.signals.ads;

import java.util.List;
import kz.qorgau.signals.identifiers.HandleMention;
import kz.qorgau.signals.identifiers.PhoneDisguise;
import kz.qorgau.signals.identifiers.PhoneMention;
import kz.qorgau.signals.identifiers.PriceMention;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of screening and linking results, shared by the command line and the server so
 * that both speak the same format. Scores are rounded to three decimals. Thread-safe.
 */
public final class AdJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AdJson() {}

    /**
     * One screened ad:
     * {@code {"id","phones":["+7…"],"handles":[…],"ages":[…],"minorRisk":{"score","flag","reasons":[{"rule","weight","evidence"}],"context":{…},"suppressed":[…],"indicators"},"cluster","city","contacts":[…],"prices":[…]}}.
     *
     * @param clusterId the ad's cluster, or null if the ads were not linked
     */
    public static ObjectNode screened(ScreenedAd ad, @Nullable String clusterId) {
        ObjectNode out = NODES.objectNode();
        out.put("id", ad.id());
        strings(out.putArray("phones"), ad.phones());
        strings(out.putArray("handles"), ad.handles());
        ArrayNode ages = out.putArray("ages");
        ad.ages().forEach(ages::add);
        out.set("minorRisk", minorRisk(ad.minorRisk()));
        if (clusterId == null) {
            out.putNull("cluster");
        } else {
            out.put("cluster", clusterId);
        }
        if (ad.city() == null) {
            out.putNull("city");
        } else {
            out.put("city", ad.city());
        }
        ArrayNode contacts = out.putArray("contacts");
        for (PhoneMention p : ad.identifiers().phones()) {
            ObjectNode c = contacts.addObject();
            c.put("kind", "phone");
            c.put("value", p.e164());
            c.put("evidence", p.evidence().quote());
            ArrayNode disguises = c.putArray("disguises");
            p.disguises().stream().map(PhoneDisguise::name).sorted().forEach(disguises::add);
        }
        for (HandleMention h : ad.identifiers().handles()) {
            ObjectNode c = contacts.addObject();
            c.put("kind", h.messenger().name().toLowerCase(java.util.Locale.ROOT));
            c.put("value", h.handle());
            c.put("evidence", h.evidence().quote());
        }
        ArrayNode prices = out.putArray("prices");
        for (PriceMention p : ad.identifiers().prices()) {
            ObjectNode o = prices.addObject();
            o.put("amount", p.amount());
            o.put("currency", p.currency());
            o.put("evidence", p.evidence().quote());
        }
        return out;
    }

    /** The {@code minorRisk} object. */
    public static ObjectNode minorRisk(MinorRisk risk) {
        ObjectNode out = NODES.objectNode();
        out.put("score", round(risk.score()));
        out.put("flag", risk.flag());
        reasons(out.putArray("reasons"), risk.reasons(), true);
        ObjectNode context = out.putObject("context");
        context.put("companionship", risk.context().companionship());
        context.put("weight", round(risk.context().weight()));
        reasons(context.putArray("evidence"), risk.context().evidence(), false);
        reasons(out.putArray("suppressed"), risk.suppressed(), true);
        out.put("indicators", risk.indicatorsVersion());
        return out;
    }

    /**
     * One cluster: {@code {"cluster","size","ads","phones","handles","images","cities","firstPostedAt","lastPostedAt","links":[{"a","b","evidence":[{"kind","value","description"}]}]}}.
     */
    public static ObjectNode cluster(AdCluster cluster) {
        ObjectNode out = NODES.objectNode();
        out.put("cluster", cluster.id());
        out.put("size", cluster.size());
        strings(out.putArray("ads"), cluster.adIds());
        strings(out.putArray("phones"), cluster.phones());
        strings(out.putArray("handles"), cluster.handles());
        strings(
                out.putArray("images"),
                cluster.images().stream().map(PdqHash::hex).toList());
        strings(out.putArray("cities"), cluster.cities());
        if (cluster.firstPostedAt() == null || cluster.lastPostedAt() == null) {
            out.putNull("firstPostedAt");
            out.putNull("lastPostedAt");
        } else {
            out.put("firstPostedAt", cluster.firstPostedAt().toString());
            out.put("lastPostedAt", cluster.lastPostedAt().toString());
        }
        ArrayNode links = out.putArray("links");
        for (AdLink link : cluster.links()) {
            ObjectNode l = links.addObject();
            l.put("a", link.adA());
            l.put("b", link.adB());
            ArrayNode evidence = l.putArray("evidence");
            for (LinkEvidence e : link.evidence()) {
                ObjectNode o = evidence.addObject();
                o.put("kind", e.kind());
                switch (e) {
                    case LinkEvidence.SharedPhone p -> o.put("value", p.phone());
                    case LinkEvidence.SharedHandle h -> o.put("value", h.handle());
                    case LinkEvidence.SimilarImage i -> {
                        o.put("value", i.imageA().hex());
                        o.put("other", i.imageB().hex());
                        o.put("distance", i.distance());
                    }
                    case LinkEvidence.SimilarText t -> {
                        o.put("jaccard", round(t.jaccard()));
                        o.put("distinctiveJaccard", round(t.distinctiveJaccard()));
                    }
                }
                o.put("description", e.describe());
            }
        }
        return out;
    }

    /**
     * A contact or picture set aside as too common:
     * {@code {"ignored","value","ads","otherContacts","reason"}}.
     */
    public static ObjectNode ignored(IgnoredContact contact, AdLinker.Settings settings) {
        ObjectNode out = NODES.objectNode();
        out.put("ignored", contact.kind());
        out.put("value", contact.value());
        out.put("ads", contact.ads());
        out.put("otherContacts", contact.otherContacts());
        out.put("reason", describe(contact, settings));
        return out;
    }

    /** Why a contact was set aside, in one sentence. */
    public static String describe(IgnoredContact contact, AdLinker.Settings settings) {
        return "found in " + contact.ads() + " ads (limit " + settings.maxAdsPerContact() + ") beside "
                + contact.otherContacts() + (contact.otherContacts() > settings.maxOtherContacts() ? "+" : "")
                + " other numbers and handles (limit " + settings.maxOtherContacts() + "); not used to link ads";
    }

    /** One line of JSON. */
    public static String line(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    private static void reasons(ArrayNode out, List<Reason> reasons, boolean withWeight) {
        for (Reason r : reasons) {
            ObjectNode o = out.addObject();
            o.put("rule", r.rule());
            if (withWeight) {
                o.put("weight", round(r.weight()));
            }
            o.put("evidence", r.evidenceText());
        }
    }

    private static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
