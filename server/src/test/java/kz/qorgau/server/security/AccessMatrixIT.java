package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.attachments.Multipart;
import kz.qorgau.server.attachments.Samples;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who may reach which case: every role (intake officer, case worker, supervisor, oversight,
 * administrator, an integration token, and a case worker whose token may only read) × every route that
 * names a case, or something of a case (a referral, an attachment, a link, a payment alert), in its path
 * × a case of the caller's own organisation, another organisation's case, a case hidden from the
 * caller's organisation for a conflict of interest, and a case that does not exist.
 *
 * <p>Over the API, allowed is 2xx (or 409: past the access check, refused by a rule); a case one may not
 * see is 404, exactly like one that does not exist (the same problem, once the ids are taken out); a
 * missing role or scope is 403. An attachment's original is for oversight only: 403 for anyone else who
 * may see the case. A draft suspicious-transaction report of an alert never matched to the case (here a
 * random one) is 404 for everyone, and the same 404 whether the case is visible or not.
 *
 * <p>The staff pages are reached through the login form, with the second factor for oversight and
 * administrators (enrolled at the first sign-in, as {@link SecondFactorIT} does). The read-only token
 * has no page counterpart (a session has no scopes), so the page matrix has six callers: the five staff
 * roles and a member of the integration role who signs in with a password. A page of a case one may not
 * see is a 404 page without the case's reference or narrative; a page of one's own case is 200, and a
 * form on it comes back to the case page (302) even when a rule refuses the step.
 *
 * <p>The routes are checked against every mapping of the application: a new route with a path variable
 * that is neither in the matrix nor in the commented {@link #NOT_PER_CASE} list fails the test by
 * name. The cases are built through the API: reports naming a school, a photo attached by the
 * reporter, referrals by oversight, and conflicts flagged by the reporter.
 */
@QorgauIntegrationTest
class AccessMatrixIT {

    private static final String NARRATIVE = "The child comes to school hungry and is left alone at home.";
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    /**
     * Routes with a path variable that name no case nor anything of one, or whose access is not the
     * case's: they are not in this matrix, and the test says which test covers them.
     */
    private static final Set<String> NOT_PER_CASE = Set.of(
            // accounts, tokens, keys and webhooks: administrators only (AccountsAndTokensIT, KeyAdminApiIT,
            // NotificationAdminApiIT); no case content
            "POST /api/v1/admin/users/{id}/disable",
            "POST /api/v1/admin/users/{id}/enable",
            "POST /api/v1/admin/users/{id}/second-factor/reset",
            "POST /api/v1/admin/tokens/{id}/revoke",
            "POST /api/v1/admin/keys/{id}/primary",
            "POST /api/v1/admin/webhooks/{id}/deactivate",
            // a notice in the outbox: retried by administrators only, who never see its content
            "POST /api/v1/admin/notifications/{id}/retry",
            "POST /staff/admin/accounts/{id}/disable",
            "POST /staff/admin/accounts/{id}/enable",
            "POST /staff/admin/accounts/{id}/reset-second-factor",
            "POST /staff/admin/tokens/{id}/revoke",
            // a ledger entry by its index: oversight only, by role (LedgerIT)
            "GET /api/v1/ledger/entries/{index}");

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
        CONFLICTED,
        /** A case id that names no case: what every case one may not see must look like. */
        MISSING
    }

    /** A case, the referral the caller acts on, an attachment of the case, and what only it contains. */
    record CaseRef(String caseId, String referralId, String attachmentId, String receipt, String reference) {}

    /** A caller: their token, whether their role sees every case, what they may do at all. */
    record Caller(
            String name,
            String token,
            @Nullable String login,
            boolean readsCases,
            boolean seesAll,
            boolean oversight,
            boolean read,
            boolean write,
            Map<Kind, CaseRef> cases) {}

    /** Who gets past the access check of a route, given that one may see the case. */
    enum Rule {
        /** Whoever may see the case. */
        CASE,
        /** Oversight, among those who may see the case; 403 for the others. */
        OVERSIGHT_ONLY,
        /** Nobody: the thing the path names (a link, an alert, a signal) exists for no case. */
        NOTHING
    }

    /**
     * A route of the matrix: method, path template, body (JSON for the API, form fields for pages),
     * whether it writes, and who gets past the access check.
     */
    record Route(String method, String template, String body, Map<String, String> form, boolean writes, Rule rule) {
        static Route api(String method, String template, String body, boolean writes, Rule rule) {
            return new Route(method, template, body, Map.of(), writes, rule);
        }

        static Route page(String method, String template, Map<String, String> form, Rule rule) {
            return new Route(method, template, "", form, method.equals("POST"), rule);
        }

        String path(CaseRef ref) {
            return template.replace("{case}", ref.caseId())
                    .replace("{referral}", ref.referralId())
                    .replace("{attachment}", ref.attachmentId())
                    .replace("{stray}", strayAttachment)
                    .replace("{link}", DUMMY_LINK)
                    .replace("{alert}", DUMMY_ALERT)
                    .replace("{signal}", DUMMY_SIGNAL)
                    .replace("{first}", "0");
        }

        String key() {
            return method + " " + VARIABLE.matcher(template).replaceAll("{}");
        }
    }

    private static final String DUMMY_LINK = UUID.randomUUID().toString();
    private static final String DUMMY_ALERT = UUID.randomUUID().toString();
    private static final String DUMMY_SIGNAL = UUID.randomUUID().toString();

    /** An attachment of a case of its own, named under other cases' paths. */
    private static String strayAttachment = "";

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
                        NARRATIVE,
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

    private String referenceOf(String receipt) {
        return http.get("/api/v1/reporter/case", "X-Receipt", receipt)
                .json()
                .get("caseReference")
                .asString();
    }

    private String caseOf(String receipt) {
        String reference = referenceOf(receipt);
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

    /** The reporter attaches a small photo to the report; its id is an attachment of the case. */
    private String attach(String receipt) {
        Multipart photo = new Multipart().file("file", "photo.png", "image/png", Samples.png(8, 6));
        Http.Response attached =
                http.post("/api/v1/reporter/attachments", photo.contentType(), photo.bytes(), "X-Receipt", receipt);
        assertThat(attached.status()).as("attach: %s", attached.body()).isEqualTo(201);
        return attached.json().get("added").get(0).get("id").asString();
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
        String caseId = caseOf(receipt);
        if (!organisation.code().equals(region.school().code())) {
            refer(caseId, organisation);
        }
        return new CaseRef(
                caseId, referralTo(caseId, organisation.code()), attach(receipt), receipt, referenceOf(receipt));
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
        cases.put(Kind.MISSING, MISSING);
        return cases;
    }

    private static final CaseRef MISSING = new CaseRef(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            "",
            "no reference");

    private List<Route> apiRoutes(Organisation sink) {
        String refer = Http.json(Map.of("organisation", sink.code(), "reason", "Another body is competent."));
        Rule c = Rule.CASE;
        return List.of(
                Route.api("GET", "/api/v1/cases/{case}", "", false, c),
                Route.api("GET", "/api/v1/cases/{case}/chronology", "", false, c),
                Route.api("GET", "/api/v1/cases/{case}/messages", "", false, c),
                Route.api("GET", "/api/v1/cases/{case}/attachments", "", false, c),
                Route.api("GET", "/api/v1/cases/{case}/attachments/{attachment}", "", false, c),
                // an attachment of another case, under this case's path
                Route.api("GET", "/api/v1/cases/{case}/attachments/{stray}", "", false, Rule.NOTHING),
                Route.api(
                        "GET",
                        "/api/v1/cases/{case}/attachments/{attachment}/original",
                        "",
                        false,
                        Rule.OVERSIGHT_ONLY),
                Route.api("GET", "/api/v1/cases/{case}/attachments/{stray}/original", "", false, Rule.NOTHING),
                Route.api("GET", "/api/v1/cases/{case}/identifiers", "", false, c),
                Route.api("GET", "/api/v1/cases/{case}/signals/payments/{alert}/str.json", "", false, Rule.NOTHING),
                Route.api("GET", "/api/v1/cases/{case}/signals/payments/{alert}/str.pdf", "", false, Rule.NOTHING),
                Route.api(
                        "POST",
                        "/api/v1/cases/{case}/identifiers",
                        "{\"kind\":\"phone\",\"value\":\"+7 701 555 01 01\"}",
                        true,
                        c),
                Route.api("POST", "/api/v1/cases/{case}/messages", "{\"body\":\"We are looking into it.\"}", true, c),
                Route.api("POST", "/api/v1/referrals/{referral}/acknowledge", "{}", true, c),
                Route.api(
                        "POST",
                        "/api/v1/referrals/{referral}/actions",
                        "{\"kind\":\"visit\",\"note\":\"Home visit.\"}",
                        true,
                        c),
                // the first recorded action (recorded by the route above where the caller may; 409
                // no-such-action where nothing was recorded: past the access check either way)
                Route.api(
                        "POST",
                        "/api/v1/referrals/{referral}/actions/{first}/correction",
                        "{\"kind\":\"interview\",\"reason\":\"Recorded as a visit by mistake.\"}",
                        true,
                        c),
                Route.api(
                        "POST",
                        "/api/v1/cases/{case}/risk",
                        "{\"level\":\"high\",\"reason\":\"Escalating.\"}",
                        true,
                        c),
                Route.api("POST", "/api/v1/cases/{case}/referrals", refer, true, c),
                Route.api("POST", "/api/v1/referrals/{referral}/outcome", "{\"conclusion\":\"Supported.\"}", true, c),
                Route.api("POST", "/api/v1/referrals/{referral}/redirect", refer, true, c),
                Route.api("POST", "/api/v1/cases/{case}/close-request", "{\"outcome\":\"Resolved.\"}", true, c),
                Route.api("POST", "/api/v1/cases/{case}/close-rejection", "{\"reason\":\"Not yet.\"}", true, c),
                Route.api("POST", "/api/v1/cases/{case}/close-approval", "{}", true, c),
                Route.api("POST", "/api/v1/cases/{case}/links/{link}/confirm", "{}", true, Rule.NOTHING),
                Route.api("POST", "/api/v1/cases/{case}/links/{link}/reject", "{}", true, Rule.NOTHING),
                Route.api("POST", "/api/v1/cases/{case}/close", "{\"outcome\":\"Resolved.\"}", true, c),
                // a school signal that does not exist (school signals belong to a school, not to a case)
                Route.api("POST", "/api/v1/signals/school/{signal}/case", "{}", true, Rule.NOTHING),
                Route.api(
                        "POST",
                        "/api/v1/signals/school/{signal}/dismissal",
                        "{\"reason\":\"Known to us.\"}",
                        true,
                        Rule.NOTHING));
    }

    private List<Route> pageRoutes(Organisation sink) {
        Rule c = Rule.CASE;
        return List.of(
                Route.page("GET", "/staff/cases/{case}", Map.of(), c),
                Route.page("GET", "/staff/cases/{case}/identifiers", Map.of(), c),
                Route.page("GET", "/staff/cases/{case}/attachments/{attachment}", Map.of(), c),
                Route.page(
                        "GET", "/staff/cases/{case}/attachments/{attachment}/original", Map.of(), Rule.OVERSIGHT_ONLY),
                Route.page("GET", "/staff/cases/{case}/attachments/{stray}", Map.of(), Rule.NOTHING),
                Route.page("GET", "/staff/cases/{case}/signals/payments/{alert}/str.json", Map.of(), Rule.NOTHING),
                Route.page("GET", "/staff/cases/{case}/signals/payments/{alert}/str.pdf", Map.of(), Rule.NOTHING),
                Route.page(
                        "POST", "/staff/cases/{case}/identifiers", Map.of("kind", "phone", "value", "+77015550102"), c),
                Route.page("POST", "/staff/cases/{case}/messages", Map.of("body", "We are on it."), c),
                Route.page("POST", "/staff/referrals/{referral}/acknowledge", Map.of(), c),
                Route.page("POST", "/staff/referrals/{referral}/actions", Map.of("kind", "visit", "note", "Visit."), c),
                Route.page(
                        "POST",
                        "/staff/referrals/{referral}/actions/{first}/correction",
                        Map.of("kind", "interview", "reason", "Recorded as a visit by mistake."),
                        c),
                Route.page("POST", "/staff/cases/{case}/risk", Map.of("level", "high", "reason", "Escalating."), c),
                Route.page(
                        "POST",
                        "/staff/cases/{case}/referrals",
                        Map.of("organisation", sink.code(), "reason", "Competent."),
                        c),
                Route.page("POST", "/staff/referrals/{referral}/outcome", Map.of("conclusion", "Supported."), c),
                Route.page(
                        "POST",
                        "/staff/referrals/{referral}/redirect",
                        Map.of("organisation", sink.code(), "reason", "Competent."),
                        c),
                Route.page("POST", "/staff/cases/{case}/close", Map.of("outcome", "Resolved.", "how", "request"), c),
                Route.page("POST", "/staff/cases/{case}/close-rejection", Map.of("reason", "Not yet."), c),
                Route.page("POST", "/staff/cases/{case}/close-approval", Map.of(), c),
                Route.page("POST", "/staff/cases/{case}/links/{link}", Map.of("decision", "confirm"), Rule.NOTHING),
                Route.page("POST", "/staff/cases/{case}/close", Map.of("outcome", "Resolved."), c),
                Route.page("POST", "/staff/signals/school/{signal}/case", Map.of(), Rule.NOTHING),
                Route.page(
                        "POST", "/staff/signals/school/{signal}/dismissal", Map.of("reason", "Known."), Rule.NOTHING));
    }

    /**
     * Every mapping that could name a case: every route with a path variable, and every route of the
     * casework and oversight APIs and under {@code /api/v1/cases} or {@code /staff/cases}; keyed by
     * method and pattern with the variables' names left out.
     */
    private Map<String, String> mappedRoutes() {
        Map<String, String> mapped = new TreeMap<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .forEach((info, method) -> {
                    String type = method.getBeanType().getSimpleName();
                    for (String pattern : info.getPatternValues()) {
                        boolean relevant = pattern.contains("{")
                                || type.equals("CaseworkApi")
                                || type.equals("OversightApi")
                                || pattern.startsWith("/api/v1/cases")
                                || pattern.startsWith("/staff/cases");
                        if (relevant) {
                            info.getMethodsCondition().getMethods().forEach(m -> {
                                String route = m.name() + " " + pattern;
                                mapped.put(VARIABLE.matcher(route).replaceAll("{}"), route);
                            });
                        }
                    }
                });
        return mapped;
    }

    /** Signs in through the form, with the second factor enrolled at the first sign-in where required. */
    private Http signedIn(String login) {
        Http session = new Http(port);
        Http.Response afterPassword = SignInSteps.password(session, login, Fixtures.PASSWORD);
        String location = SignInSteps.location(afterPassword);
        if (location.endsWith("/staff/login/enrol")) {
            Matcher secret = SECRET.matcher(session.get("/staff/login/enrol").body());
            assertThat(secret.find())
                    .as("the enrolment page of %s shows the secret", login)
                    .isTrue();
            String code = new SecondFactor.Enrolment(secret.group(1).replace(" ", ""), "").codeAt(Instant.now());
            location = SignInSteps.location(SignInSteps.code(session, "/staff/login/enrol", code));
        }
        assertThat(location).as("sign-in of %s", login).endsWith("/staff/inbox");
        return session;
    }

    @Test
    void everyRoleReachesExactlyTheCasesItMaySeeThroughEveryRoute() {
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
        String otherCase = caseOf(otherReceipt);
        CaseRef other = new CaseRef(
                otherCase,
                referralTo(otherCase, elsewhere.school().code()),
                attach(otherReceipt),
                otherReceipt,
                referenceOf(otherReceipt));
        strayAttachment = attach(file(elsewhere.school(), elsewhere.city()));

        Map<Kind, CaseRef> schoolCases = cases(region, region.school(), other);
        List<Caller> callers = new ArrayList<>();
        StaffMember intake = fixtures.staff(helpline, Role.INTAKE_OFFICER);
        callers.add(new Caller(
                "intake officer",
                fixtures.token(intake, "cases:read", "cases:write"),
                intake.login(),
                true,
                true,
                false,
                true,
                true,
                cases(region, helpline, other)));
        StaffMember worker = fixtures.staff(region.school(), Role.CASE_WORKER);
        callers.add(new Caller(
                "case worker",
                fixtures.token(worker, "cases:read", "cases:write"),
                worker.login(),
                true,
                false,
                false,
                true,
                true,
                schoolCases));
        StaffMember supervisor = fixtures.staff(region.education(), Role.SUPERVISOR);
        callers.add(new Caller(
                "supervisor",
                fixtures.token(supervisor, "cases:read", "cases:write"),
                supervisor.login(),
                true,
                false,
                false,
                true,
                true,
                cases(region, region.education(), other)));
        StaffMember overseer = fixtures.staff(region.commissioner(), Role.OVERSIGHT);
        callers.add(new Caller(
                "oversight",
                fixtures.token(overseer, "cases:read", "cases:write", "oversight:read"),
                overseer.login(),
                true,
                true,
                true,
                true,
                true,
                cases(region, region.commissioner(), other)));
        StaffMember administrator = fixtures.staff(administration, Role.ADMINISTRATOR);
        callers.add(new Caller(
                "administrator",
                fixtures.token(administrator, "admin", "cases:read", "cases:write"),
                administrator.login(),
                false,
                false,
                false,
                true,
                true,
                schoolCases));
        StaffMember integration = fixtures.staff(ngo, Role.INTEGRATION);
        callers.add(new Caller(
                "integration",
                fixtures.token(integration, "reports:write", "signals:write"),
                null, // a machine account never signs in to the pages (AccountsAndTokensIT)
                false,
                false,
                false,
                false,
                false,
                schoolCases));
        callers.add(new Caller(
                "case worker, read-only token",
                fixtures.token(fixtures.staff(region.school(), Role.CASE_WORKER), "cases:read"),
                null,
                true,
                false,
                false,
                true,
                false,
                schoolCases));

        List<Route> api = apiRoutes(region.social());
        List<Route> pages = pageRoutes(region.social());
        Map<String, String> covered = new TreeMap<>();
        covered.put("GET /api/v1/cases", "the list");
        covered.put("GET /api/v1/oversight/stats", "the statistics");
        api.forEach(r -> covered.put(r.key(), r.template()));
        pages.forEach(r -> covered.put(r.key(), r.template()));
        NOT_PER_CASE.forEach(r -> covered.put(VARIABLE.matcher(r).replaceAll("{}"), r));
        Map<String, String> mapped = mappedRoutes();
        List<String> missing = mapped.entrySet().stream()
                .filter(e -> !covered.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(missing)
                .as("routes naming a case (or a path variable) missing from the access matrix: add them to its"
                        + " routes, or to NOT_PER_CASE with a comment saying why they are not per case")
                .isEmpty();
        List<String> stale = NOT_PER_CASE.stream()
                .filter(r -> !mapped.containsKey(VARIABLE.matcher(r).replaceAll("{}")))
                .toList();
        assertThat(stale).as("NOT_PER_CASE names routes that no longer exist").isEmpty();

        List<String> mismatches = new ArrayList<>();
        Map<String, String> table = new LinkedHashMap<>();
        for (Caller caller : callers) {
            apiMatrix(caller, api, table, mismatches);
        }
        for (Caller caller : callers) {
            if (caller.login() != null) {
                pageMatrix(caller, pages, table, mismatches);
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

    private void apiMatrix(Caller caller, List<Route> routes, Map<String, String> table, List<String> mismatches) {
        // The list: a case is in it exactly when the caller may see it.
        Http.Response list = http.get("/api/v1/cases", Fixtures.bearer(caller.token()));
        for (Kind kind : Kind.values()) {
            String expected = !caller.read() ? "403" : visible(caller, kind) ? "listed" : "absent";
            String actual = list.status() != 200
                    ? String.valueOf(list.status())
                    : list.body().contains(caller.cases().get(kind).caseId()) ? "listed" : "absent";
            record(table, mismatches, caller.name() + " GET /api/v1/cases " + kind, expected, actual);
        }
        Http.Response stats = http.get("/api/v1/oversight/stats", Fixtures.bearer(caller.token()));
        record(
                table,
                mismatches,
                caller.name() + " GET /api/v1/oversight/stats",
                caller.oversight() ? "allow" : "403",
                outcome(stats.status()));
        for (Route route : routes) {
            Map<Kind, String> notFound = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                CaseRef ref = caller.cases().get(kind);
                String path = route.path(ref);
                Http.Response response = route.method().equals("GET")
                        ? http.get(path, Fixtures.bearer(caller.token()))
                        : http.postJson(path, route.body(), Fixtures.bearer(caller.token()));
                boolean scoped = route.writes() ? caller.write() : caller.read();
                String expected = !scoped ? "403" : expected(route.rule(), caller, kind);
                String what = caller.name() + " " + route.method() + " " + route.template() + " " + kind;
                record(table, mismatches, what, expected, outcome(response.status()));
                if (response.status() == 404) {
                    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                    assertThat(response.body())
                            .as(what)
                            .doesNotContain("hidden")
                            .doesNotContain("conflict")
                            .doesNotContain(ref.reference());
                    notFound.put(kind, withoutIds(response.body(), ref));
                }
            }
            indistinguishable(caller, route, notFound, mismatches);
        }
    }

    private void pageMatrix(Caller caller, List<Route> routes, Map<String, String> table, List<String> mismatches) {
        Http session = signedIn(caller.login());
        // The token is the session's: any page with a form carries it (the inbox has the sign-out form).
        String csrf = Http.csrf(session.get("/staff/inbox").body());
        for (Route route : routes) {
            Map<Kind, String> notFound = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                CaseRef ref = caller.cases().get(kind);
                String path = route.path(ref);
                Http.Response response;
                if (route.method().equals("GET")) {
                    response = session.get(path);
                } else {
                    Map<String, String> form = new LinkedHashMap<>(route.form());
                    form.put("_csrf", csrf);
                    response = session.postForm(path, form);
                }
                String expected = expected(route.rule(), caller, kind);
                String what = caller.name() + " page " + route.method() + " " + route.template() + " " + kind;
                record(table, mismatches, what, expected, pageOutcome(response, ref));
                if (response.status() != 200 && response.status() != 302) {
                    assertThat(response.body())
                            .as("%s: no case data on a refusal", what)
                            .doesNotContain(NARRATIVE)
                            .doesNotContain(ref.reference());
                }
                if (response.status() == 404) {
                    notFound.put(kind, withoutIds(response.body(), ref));
                }
            }
            indistinguishable(caller, route, notFound, mismatches);
        }
    }

    /**
     * A case one may not see answers exactly like one that does not exist; for a draft report of an
     * alert never matched, a visible case answers like that too.
     */
    private static void indistinguishable(
            Caller caller, Route route, Map<Kind, String> notFound, List<String> mismatches) {
        String missing = notFound.get(Kind.MISSING);
        if (missing == null) {
            return;
        }
        boolean uniform = route.template().contains("{alert}");
        notFound.forEach((kind, body) -> {
            if ((uniform || !visible(caller, kind)) && !body.equals(missing)) {
                mismatches.add(caller.name() + " " + route.method() + " " + route.template() + " " + kind
                        + ": the 404 differs from that of a case that does not exist: " + body + " <> " + missing);
            }
        });
    }

    /** The body with the ids the path named, and what changes on every response, taken out. */
    private static String withoutIds(String body, CaseRef ref) {
        return body.replace(ref.caseId(), "{case}")
                .replace(ref.referralId(), "{referral}")
                .replace(ref.attachmentId(), "{attachment}")
                .replaceAll("name=\"_csrf\"[^>]*value=\"[^\"]*\"", "{csrf}")
                .replaceAll("nonce=\"[^\"]*\"", "{nonce}");
    }

    private static String expected(Rule rule, Caller caller, Kind kind) {
        if (!visible(caller, kind)) {
            return "404";
        }
        return switch (rule) {
            case CASE -> "allow";
            case OVERSIGHT_ONLY -> caller.oversight() ? "allow" : "403";
            case NOTHING -> "404";
        };
    }

    private static boolean visible(Caller caller, Kind kind) {
        if (!caller.readsCases()) {
            return false;
        }
        return switch (kind) {
            case OWN -> true;
            case OTHER -> caller.seesAll();
            case CONFLICTED, MISSING -> false;
        };
    }

    private static String outcome(int status) {
        return status >= 200 && status < 300 || status == 409 ? "allow" : String.valueOf(status);
    }

    /** A page is allowed when it shows (200), or when its form comes back to the case's pages. */
    private static String pageOutcome(Http.Response response, CaseRef ref) {
        if (response.status() == 302) {
            String location = SignInSteps.location(response);
            return location.contains("/staff/cases/" + ref.caseId()) ? "allow" : "302 to " + location;
        }
        return outcome(response.status());
    }

    private static void record(
            Map<String, String> table, List<String> mismatches, String what, String expected, String actual) {
        table.put(what, actual);
        if (!expected.equals(actual)) {
            mismatches.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
