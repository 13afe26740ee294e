package kz.qorgau.server.demo;

import java.util.List;
import java.util.Set;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import org.jspecify.annotations.Nullable;

/** The organisations and staff of the demo region, Kyzylorda. All names are invented. */
final class DemoRegion {

    static final String REGION = "kzo";

    private DemoRegion() {}

    record Staff(String login, String displayName, String organisation, Role role, Set<String> scopes) {}

    static List<Organisation> organisations() {
        return List.of(
                org(
                        "kz-commissioner",
                        OrganisationKind.COMMISSIONER,
                        "Бала құқықтары жөніндегі уәкіл",
                        "Уполномоченный по правам ребёнка",
                        "Commissioner for Children's Rights",
                        null,
                        null,
                        null),
                org(
                        "kzo-education",
                        OrganisationKind.DISTRICT_EDUCATION,
                        "Қызылорда қаласының білім бөлімі",
                        "Отдел образования города Кызылорды",
                        "Kyzylorda City Education Department",
                        "Kyzylorda",
                        null,
                        "kz-commissioner"),
                org(
                        "kzo-school-1",
                        OrganisationKind.SCHOOL,
                        "№ 1 мектеп-лицей",
                        "Школа-лицей № 1",
                        "School-Lyceum No. 1",
                        "Kyzylorda",
                        1,
                        "kzo-education"),
                org(
                        "kzo-school-2",
                        OrganisationKind.SCHOOL,
                        "№ 2 жалпы білім беретін мектеп",
                        "Общеобразовательная школа № 2",
                        "Secondary School No. 2",
                        "Kyzylorda",
                        2,
                        "kzo-education"),
                org(
                        "kzo-prosecutor",
                        OrganisationKind.PROSECUTOR,
                        "Қызылорда облысының прокуратурасы",
                        "Прокуратура Кызылординской области",
                        "Kyzylorda Regional Prosecutor's Office",
                        "Kyzylorda",
                        null,
                        "kz-commissioner"),
                org(
                        "kzo-police",
                        OrganisationKind.REGIONAL_POLICE,
                        "Қызылорда облысының Полиция департаменті",
                        "Департамент полиции Кызылординской области",
                        "Kyzylorda Regional Police Department",
                        "Kyzylorda",
                        null,
                        "kzo-prosecutor"),
                org(
                        "kzo-juvenile-police",
                        OrganisationKind.JUVENILE_POLICE,
                        "Кәмелетке толмағандардың істері жөніндегі инспекция",
                        "Инспекция по делам несовершеннолетних",
                        "Juvenile Police Inspectorate",
                        "Kyzylorda",
                        null,
                        "kzo-police"),
                org(
                        "kzo-social",
                        OrganisationKind.SOCIAL_SERVICES,
                        "Қызылорда облысының әлеуметтік қызметтері",
                        "Социальные службы Кызылординской области",
                        "Kyzylorda Regional Social Services",
                        "Kyzylorda",
                        null,
                        "kz-commissioner"),
                org(
                        "kzo-ngo",
                        OrganisationKind.NGO,
                        "«Бала қорғаны» қоғамдық бірлестігі",
                        "Общественное объединение «Защита детей»",
                        "Child Protection Association (NGO)",
                        "Kyzylorda",
                        null,
                        null),
                org(
                        "kz-helpline-111",
                        OrganisationKind.HELPLINE,
                        "111 байланыс орталығы",
                        "Контакт-центр 111",
                        "111 Helpline",
                        null,
                        null,
                        null),
                org(
                        "qorgau-admin",
                        OrganisationKind.ADMINISTRATION,
                        "Qorgau әкімшілігі",
                        "Администрация Qorgau",
                        "Qorgau administration",
                        null,
                        null,
                        null));
    }

    static List<Staff> staff() {
        Set<String> caseWork = Set.of("cases:read", "cases:write", "reports:write");
        Set<String> oversight = Set.of("cases:read", "cases:write", "oversight:read", "ledger:read");
        return List.of(
                new Staff("school1.lead", "Айгүл Сейітова", "kzo-school-1", Role.CASE_WORKER, caseWork),
                new Staff("school2.lead", "Марат Жұмабеков", "kzo-school-2", Role.CASE_WORKER, caseWork),
                new Staff("education.supervisor", "Гүлнар Әбенова", "kzo-education", Role.SUPERVISOR, caseWork),
                new Staff("police.inspector", "Ерлан Тоқтаров", "kzo-juvenile-police", Role.CASE_WORKER, caseWork),
                new Staff("police.supervisor", "Бауыржан Сәрсенов", "kzo-police", Role.SUPERVISOR, caseWork),
                new Staff("prosecutor", "Дина Қасымова", "kzo-prosecutor", Role.OVERSIGHT, oversight),
                new Staff("social.worker", "Сәуле Иманова", "kzo-social", Role.CASE_WORKER, caseWork),
                new Staff("commissioner", "Әсел Нұрланқызы", "kz-commissioner", Role.OVERSIGHT, oversight),
                new Staff(
                        "ngo.monitor",
                        "Жанар Омарова",
                        "kzo-ngo",
                        Role.OVERSIGHT,
                        Set.of("cases:read", "oversight:read", "ledger:read", "signals:write")),
                new Staff(
                        "helpline.operator",
                        "Нұржан Бекұлы",
                        "kz-helpline-111",
                        Role.INTAKE_OFFICER,
                        Set.of("reports:write", "cases:read", "cases:write")),
                new Staff("admin", "Qorgau Administrator", "qorgau-admin", Role.ADMINISTRATOR, Set.of("admin")));
    }

    private static Organisation org(
            String code,
            OrganisationKind kind,
            String kk,
            String ru,
            String en,
            @Nullable String city,
            @Nullable Integer schoolNumber,
            @Nullable String parent) {
        String region = code.startsWith("kzo-") ? REGION : "kz";
        // Demo mailboxes (.invalid never resolves): without SMTP the notices wait in the outbox, visibly.
        return new Organisation(
                code, kind, kk, ru, en, region, city, schoolNumber, parent, code + "@demo.qorgau.invalid");
    }
}
