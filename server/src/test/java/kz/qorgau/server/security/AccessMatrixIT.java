package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who may reach which case: every role (intake officer, case worker, supervisor, oversight,
 * administrator, an integration token, and a case worker whose token may only read) × every case
 * endpoint of the casework and oversight APIs × a case of the caller's own organisation, another
 * organisation's case, and a case hidden from the caller's organisation for a conflict of interest.
 * Allowed is 2xx (or 409: past the access check, refused by a rule); a case one may not see is 404,
 * exactly like one that does not exist; a missing role or scope is 403. The cases are built through
 * the API: reports naming a school, referrals by oversight, and conflicts flagged by the reporter.
 */
@QorgauIntegrationTest
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    private Http http;
    private String setup;

    enum Kind {
        OWN,
        OTHER,
        CONFLICTED
    }

    /** A case and the referral the caller acts on. */
    record CaseRef(String caseId, String referralId, String receipt) {}

    /** A caller: their token, whether their role sees every case, what they may do at all. */
    record Caller(
            String name,
            String token,
            boolean readsCases,
            boolean seesAll,
            boolean read,
            boolean write,
            Map<Kind, CaseRef> cases) {}

    /**
     * An endpoint of the matrix: method, path template, body, whether it writes, and whether the path
     * names a link between cases (a dummy one: such a link exists for nobody, so the answer is 404
     * whenever the scope allows the call; which links one may decide is the casework tests' matter).
     */
    record Endpoint(String method, String template, String body, boolean writes, boolean dummyLink) {
        Endpoint(String method, String template, String body, boolean writes) {
            this(method, template, body, writes, false);
        }

        String path(CaseRef ref) {
            return template.replace("{case}", ref.caseId())
                    .replace("{referral}", ref.referralId())
                    .replace("{link}", DUMMY_LINK);
        }
    }

    private static final String DUMMY_LINK = java.util.UUID.randomUUID().toString();

    private String file(Organisation school, String city) {
        Http.Response filed = http.postJson(
                "/api/v1/reports",
                Http.json(Map.of(
                        "school",
                        "Школа № " + school.schoolNumber(),
                        "city",
                        city,
                        "categories",
                        List.of("neglect"),
                        "narrative",
                        "The child comes to school hungry and is left alone at home.",
                        "reporterRelation",
                        "teacher-or-school-staff")));
        assertThat(filed.status()).isEqualTo(201);
        String receipt = filed.json().get("receipt").asString();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !http.get("/api/v1/reporter/case", "X-Receipt", receipt)
                        .json()
                        .get("caseReference")
                        .isNull());
        return receipt;
    }

    private String caseOf(String receipt, Organisation school) {
        String reference = http.get("/api/v1/reporter/case", "X-Receipt", receipt)
                .json()
                .get("caseReference")
                .asString();
        for (JsonNode summary :
                http.get("/api/v1/cases", Fixtures.bearer(setup)).json()) {
            if (summary.get("reference").asString().equals(reference)) {
                return summary.get("id").asString();
            }
        }
        throw new AssertionError("case " + reference + " not visible to oversight");
    }

    private String referralTo(String caseId, String organisation) {
        for (JsonNode referral : http.get("/api/v1/cases/" + caseId, Fixtures.bearer(setup))
                .json()
                .get("referrals")) {
            if (referral.get("organisation").asString().equals(organisation)) {
                return referral.get("id").asString();
            }
        }
        throw new AssertionError("no referral to " + organisation + " on case " + caseId);
    }

    private void refer(String caseId, Organisation to) {
        Http.Response referred = http.postJson(
                "/api/v1/cases/" + caseId + "/referrals",
                Http.json(Map.of("organisation", to.code(), "reason", "For the access matrix.")),
                Fixtures.bearer(setup));
        assertThat(referred.status())
                .as("refer %s to %s: %s", caseId, to.code(), referred.body())
                .isEqualTo(201);
    }

    private void flag(String receipt, Organisation organisation) {
        Http.Response flagged = http.postJson(
                "/api/v1/reporter/messages",
                Http.json(Map.of(
                        "body", "They threatened me.", "flag", "threatened", "organisation", organisation.code())),
                "X-Receipt",
                receipt);
        assertThat(flagged.status())
                .as("flag %s: %s", organisation.code(), flagged.body())
                .isEqualTo(201);
    }

    /** A case of the school referred (also) to {@code organisation}; the referral returned is to it. */
    private CaseRef own(Fixtures.Region region, Organisation organisation) {
        String receipt = file(region.school(), region.city());
        String caseId = caseOf(receipt, region.school());
        if (!organisation.code().equals(region.school().code())) {
            refer(caseId, organisation);
        }
        return new CaseRef(caseId, referralTo(caseId, organisation.code()), receipt);
    }

    private CaseRef conflicted(Fixtures.Region region, Organisation organisation) {
        CaseRef ref = own(region, organisation);
        flag(ref.receipt(), organisation);
        return ref;
    }

    private Map<Kind, CaseRef> cases(Fixtures.Region region, Organisation organisation, CaseRef other) {
        Map<Kind, CaseRef> cases = new EnumMap<>(Kind.class);
        cases.put(Kind.OWN, own(region, organisation));
        cases.put(Kind.OTHER, other);
        cases.put(Kind.CONFLICTED, conflicted(region, organisation));
        return cases;
    }

    private List<Endpoint> endpoints(Organisation sink) {
        String refer = Http.json(Map.of("organisation", sink.code(), "reason", "Another body is competent."));
        return List.of(
                new Endpoint("GET", "/api/v1/cases/{case}", "", false),
                new Endpoint("GET", "/api/v1/cases/{case}/chronology", "", false),
                new Endpoint("GET", "/api/v1/cases/{case}/messages", "", false),
                new Endpoint("POST", "/api/v1/cases/{case}/messages", "{\"body\":\"We are looking into it.\"}", true),
                new Endpoint("POST", "/api/v1/referrals/{referral}/acknowledge", "{}", true),
                new Endpoint(
                        "POST",
                        "/api/v1/referrals/{referral}/actions",
                        "{\"kind\":\"visit\",\"note\":\"Home visit.\"}",
                        true),
                new Endpoint(
                        "POST", "/api/v1/cases/{case}/risk", "{\"level\":\"high\",\"reason\":\"Escalating.\"}", true),
                new Endpoint("POST", "/api/v1/cases/{case}/referrals", refer, true),
                new Endpoint("POST", "/api/v1/referrals/{referral}/outcome", "{\"conclusion\":\"Supported.\"}", true),
                new Endpoint("POST", "/api/v1/referrals/{referral}/redirect", refer, true),
                new Endpoint("POST", "/api/v1/cases/{case}/close-request", "{\"outcome\":\"Resolved.\"}", true),
                new Endpoint("POST", "/api/v1/cases/{case}/close-rejection", "{\"reason\":\"Not yet.\"}", true),
                new Endpoint("POST", "/api/v1/cases/{case}/close-approval", "{}", true),
                new Endpoint("POST", "/api/v1/cases/{case}/links/{link}/confirm", "{}", true, true),
                new Endpoint("POST", "/api/v1/cases/{case}/links/{link}/reject", "{}", true, true),
                new Endpoint("POST", "/api/v1/cases/{case}/close", "{\"outcome\":\"Resolved.\"}", true));
    }

    /** Every mapping of the casework and oversight APIs, so that a new endpoint cannot escape the matrix. */
    private Set<String> mappedEndpoints() {
        Set<String> mapped = new TreeSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .forEach((info, method) -> {
                    String type = method.getBeanType().getSimpleName();
                    if (type.equals("CaseworkApi") || type.equals("OversightApi")) {
                        info.getMethodsCondition()
                                .getMethods()
                                .forEach(m -> info.getPatternValues().forEach(p -> mapped.add(m.name() + " " + p)));
                    }
                });
        return mapped;
    }

    @Test
    void everyRoleReachesExactlyTheCasesItMaySeeThroughEveryEndpoint() {
        http = new Http(port);
        Fixtures.Region region = fixtures.region();
        Fixtures.Region elsewhere = fixtures.region();
        setup = fixtures.token(
                fixtures.staff(region.commissioner(), Role.OVERSIGHT), "cases:read", "cases:write", "oversight:read");
        Organisation helpline =
                fixtures.organisation(OrganisationKind.HELPLINE, region.name(), null, region.city(), null);
        Organisation administration = fixtures.organisation(OrganisationKind.ADMINISTRATION);
        Organisation ngo = fixtures.organisation(OrganisationKind.NGO);

        String otherReceipt = file(elsewhere.school(), elsewhere.city());
        CaseRef other = new CaseRef(
                caseOf(otherReceipt, elsewhere.school()),
                referralTo(
                        caseOf(otherReceipt, elsewhere.school()),
                        elsewhere.school().code()),
                otherReceipt);

        Map<Kind, CaseRef> schoolCases = cases(region, region.school(), other);
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller(
                "intake officer",
                fixtures.token(fixtures.staff(helpline, Role.INTAKE_OFFICER), "cases:read", "cases:write"),
                true,
                true,
                true,
                true,
                cases(region, helpline, other)));
        callers.add(new Caller(
                "case worker",
                fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read", "cases:write"),
                true,
                false,
                true,
                true,
                schoolCases));
        callers.add(new Caller(
                "supervisor",
                fixtures.token(fixtures.staff(region.education(), Role.SUPERVISOR), "cases:read", "cases:write"),
                true,
                false,
                true,
                true,
                cases(region, region.education(), other)));
        callers.add(new Caller(
                "oversight",
                fixtures.token(
                        fixtures.staff(region.commissioner(), Role.OVERSIGHT),
                        "cases:read",
                        "cases:write",
                        "oversight:read"),
                true,
                true,
                true,
                true,
                cases(region, region.commissioner(), other)));
        callers.add(new Caller(
                "administrator",
                fixtures.token(
                        fixtures.staff(administration, Role.ADMINISTRATOR), "admin", "cases:read", "cases:write"),
                false,
                false,
                true,
                true,
                schoolCases));
        callers.add(new Caller(
                "integration",
                fixtures.token(fixtures.staff(ngo, Role.INTEGRATION), "reports:write", "signals:write"),
                false,
                false,
                false,
                false,
                schoolCases));
        callers.add(new Caller(
                "case worker, read-only token",
                fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read"),
                true,
                false,
                true,
                false,
                schoolCases));

        List<Endpoint> endpoints = endpoints(region.social());
        Set<String> covered = new TreeSet<>();
        covered.add("GET /api/v1/cases");
        covered.add("GET /api/v1/oversight/stats");
        endpoints.forEach(e -> covered.add(
                e.method() + " " + e.template().replace("{case}", "{id}").replace("{referral}", "{id}")));
        Set<String> missing = new TreeSet<>(mappedEndpoints());
        missing.removeAll(covered);
        assertThat(missing).as("case endpoints missing from the access matrix").isEmpty();

        List<String> mismatches = new ArrayList<>();
        Map<String, String> table = new LinkedHashMap<>();
        for (Caller caller : callers) {
            // The list: a case is in it exactly when the caller may see it.
            Http.Response list = http.get("/api/v1/cases", Fixtures.bearer(caller.token()));
            for (Kind kind : Kind.values()) {
                String expected = !caller.read() ? "403" : visible(caller, kind) ? "listed" : "absent";
                String actual = list.status() != 200
                        ? String.valueOf(list.status())
                        : list.body().contains(caller.cases().get(kind).caseId()) ? "listed" : "absent";
                record(table, mismatches, caller.name() + " GET /api/v1/cases " + kind, expected, actual);
            }
            boolean oversight = caller.name().equals("oversight");
            Http.Response stats = http.get("/api/v1/oversight/stats", Fixtures.bearer(caller.token()));
            record(
                    table,
                    mismatches,
                    caller.name() + " GET /api/v1/oversight/stats",
                    oversight ? "allow" : "403",
                    outcome(stats.status()));
            for (Endpoint endpoint : endpoints) {
                for (Kind kind : Kind.values()) {
                    CaseRef ref = caller.cases().get(kind);
                    String path = endpoint.path(ref);
                    Http.Response response = endpoint.method().equals("GET")
                            ? http.get(path, Fixtures.bearer(caller.token()))
                            : http.postJson(path, endpoint.body(), Fixtures.bearer(caller.token()));
                    boolean scoped = endpoint.writes() ? caller.write() : caller.read();
                    String expected =
                            !scoped ? "403" : endpoint.dummyLink() || !visible(caller, kind) ? "404" : "allow";
                    String what = caller.name() + " " + endpoint.method() + " " + endpoint.template() + " " + kind;
                    record(table, mismatches, what, expected, outcome(response.status()));
                    if (response.status() == 404) {
                        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                        assertThat(response.body())
                                .as(what)
                                .doesNotContain("hidden")
                                .doesNotContain("conflict");
                    }
                }
            }
        }
        System.out.println("[qorgau] access matrix, " + table.size() + " cells:\n  "
                + String.join(
                        "\n  ",
                        table.entrySet().stream()
                                .map(e -> e.getKey() + " -> " + e.getValue())
                                .toList()));
        assertThat(mismatches)
                .as("cells of the access matrix that differ from the expectation")
                .isEmpty();
    }

    private static boolean visible(Caller caller, Kind kind) {
        if (!caller.readsCases()) {
            return false;
        }
        return switch (kind) {
            case OWN -> true;
            case OTHER -> caller.seesAll();
            case CONFLICTED -> false;
        };
    }

    private static String outcome(int status) {
        return status >= 200 && status < 300 || status == 409 ? "allow" : String.valueOf(status);
    }

    private static void record(
            Map<String, String> table, List<String> mismatches, String what, String expected, String actual) {
        table.put(what, actual);
        if (!expected.equals(actual)) {
            mismatches.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
