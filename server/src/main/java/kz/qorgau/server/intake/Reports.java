package kz.qorgau.server.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stored reports: writing them sealed, reading them back for those allowed, attaching them to cases. */
@Service
public class Reports {

    static final String TABLE = "report";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Receipts receipts;

    Reports(JdbcClient jdbc, FieldCipher cipher, Receipts receipts) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.receipts = receipts;
    }

    void insert(
            UUID id,
            String reference,
            String receiptHash,
            @Nullable String formToken,
            java.time.Instant submittedAt,
            NewReport report,
            @Nullable String schoolCode) {
        jdbc.sql("""
                        insert into report (id, reference, receipt_hash, form_token, channel, language, submitted_at,
                            child_name_sealed, child_age, school_sealed, school_code, city_sealed, narrative_sealed,
                            since_when_sealed, reporter_relation, anonymous, reporter_name_sealed,
                            reporter_contact_sealed, institution_refused, refused_by_sealed, threatened,
                            threatened_by_sealed, staff_involved, staff_of_sealed, child_birth_date_sealed)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        reference,
                        receiptHash,
                        formToken,
                        report.channel().name(),
                        report.language().getLanguage(),
                        SqlTime.bind(submittedAt),
                        seal(report.childName(), "child_name_sealed", id),
                        report.childAge(),
                        seal(report.school(), "school_sealed", id),
                        schoolCode,
                        seal(report.city(), "city_sealed", id),
                        seal(report.narrative(), "narrative_sealed", id),
                        seal(report.since(), "since_when_sealed", id),
                        report.relation().name(),
                        report.anonymous(),
                        seal(report.reporterName(), "reporter_name_sealed", id),
                        seal(report.contact(), "reporter_contact_sealed", id),
                        report.institutionRefused(),
                        seal(report.refusedBy(), "refused_by_sealed", id),
                        report.threatened(),
                        seal(report.threatenedBy(), "threatened_by_sealed", id),
                        report.staffInvolved(),
                        seal(report.staffOf(), "staff_of_sealed", id),
                        seal(
                                report.childBirthDate() == null
                                        ? null
                                        : report.childBirthDate().toString(),
                                "child_birth_date_sealed",
                                id))
                .update();
        for (Category category : report.categories()) {
            jdbc.sql("insert into report_category (report_id, category) values (?, ?)")
                    .params(id, category.name())
                    .update();
        }
    }

    private byte @Nullable [] seal(@Nullable String value, String column, UUID id) {
        return cipher.seal(value, TABLE, column, id);
    }

    /** Links a report to the case it belongs to. */
    @Transactional
    public void attachToCase(UUID reportId, UUID caseId) {
        jdbc.sql("update report set case_id = ? where id = ?")
                .params(caseId, reportId)
                .update();
    }

    /** The case a report belongs to, once it was opened. */
    @Transactional(readOnly = true)
    public Optional<UUID> caseOf(UUID reportId) {
        return jdbc.sql("select case_id from report where id = ?")
                .param(reportId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .flatMap(caseId -> caseId);
    }

    /** The ids of a case's reports, without decrypting them (their attachments belong to the case). */
    @Transactional(readOnly = true)
    public List<UUID> idsOfCase(UUID caseId) {
        return jdbc.sql("select id from report where case_id = ? order by submitted_at, id")
                .param(caseId)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** The reports of a case, oldest first, decrypted. Callers check access first. */
    @Transactional(readOnly = true)
    public List<ReportView> ofCase(UUID caseId) {
        List<ReportView> reports = jdbc.sql("select * from report where case_id = ? order by submitted_at, id")
                .param(caseId)
                .query(this::view)
                .list();
        return withCategories(reports);
    }

    /** One report, decrypted. Callers check access first. */
    @Transactional(readOnly = true)
    public Optional<ReportView> report(UUID reportId) {
        return jdbc.sql("select * from report where id = ?")
                .param(reportId)
                .query(this::view)
                .optional()
                .map(report -> withCategories(List.of(report)).getFirst());
    }

    Optional<Filing.AlreadyFiled> byFormToken(String formToken) {
        return jdbc.sql("select id, reference, submitted_at from report where form_token = ?")
                .param(formToken)
                .query((rs, row) -> new Filing.AlreadyFiled(
                        rs.getObject("id", UUID.class), rs.getString("reference"), SqlTime.require(rs, "submitted_at")))
                .optional();
    }

    /**
     * The report a receipt belongs to. Whatever is typed is hashed and looked up the same way, so a
     * wrong receipt costs what a right one does and tells nothing about which reports exist.
     */
    @Transactional(readOnly = true)
    public Optional<ReportView> byReceipt(@Nullable String typedReceipt) {
        return byReceiptHash(receipts.hash(typedReceipt));
    }

    private Optional<ReportView> byReceiptHash(String receiptHash) {
        return jdbc.sql("select * from report where receipt_hash = ?")
                .param(receiptHash)
                .query(this::view)
                .optional()
                .map(report -> withCategories(List.of(report)).getFirst());
    }

    private List<ReportView> withCategories(List<ReportView> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        List<UUID> ids = reports.stream().map(ReportView::id).toList();
        Map<UUID, Set<Category>> categories = jdbc
                .sql("select report_id, category from report_category where report_id in (:ids)")
                .param("ids", ids)
                .query((rs, row) ->
                        Map.entry(rs.getObject("report_id", UUID.class), Category.valueOf(rs.getString("category"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.mapping(
                                Map.Entry::getValue, Collectors.toCollection(() -> EnumSet.noneOf(Category.class)))));
        List<ReportView> out = new ArrayList<>(reports.size());
        for (ReportView r : reports) {
            out.add(new ReportView(
                    r.id(),
                    r.reference(),
                    r.channel(),
                    r.submittedAt(),
                    r.childName(),
                    r.childAge(),
                    r.childBirthDate(),
                    r.school(),
                    r.schoolCode(),
                    r.city(),
                    categories.getOrDefault(r.id(), Set.of()),
                    r.narrative(),
                    r.since(),
                    r.relation(),
                    r.anonymous(),
                    r.reporterName(),
                    r.contact(),
                    r.institutionRefused(),
                    r.refusedBy(),
                    r.threatened(),
                    r.threatenedBy(),
                    r.staffInvolved(),
                    r.staffOf(),
                    r.caseId()));
        }
        return out;
    }

    private ReportView view(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int age = rs.getInt("child_age");
        Integer childAge = rs.wasNull() ? null : age;
        String narrative = open(rs, "narrative_sealed", id);
        String birthDate = open(rs, "child_birth_date_sealed", id);
        return new ReportView(
                id,
                rs.getString("reference"),
                Channel.valueOf(rs.getString("channel")),
                SqlTime.require(rs, "submitted_at"),
                open(rs, "child_name_sealed", id),
                childAge,
                birthDate == null ? null : LocalDate.parse(birthDate),
                open(rs, "school_sealed", id),
                rs.getString("school_code"),
                open(rs, "city_sealed", id),
                Set.of(),
                narrative == null ? "" : narrative,
                open(rs, "since_when_sealed", id),
                ReporterRelation.valueOf(rs.getString("reporter_relation")),
                rs.getBoolean("anonymous"),
                open(rs, "reporter_name_sealed", id),
                open(rs, "reporter_contact_sealed", id),
                rs.getBoolean("institution_refused"),
                open(rs, "refused_by_sealed", id),
                rs.getBoolean("threatened"),
                open(rs, "threatened_by_sealed", id),
                rs.getBoolean("staff_involved"),
                open(rs, "staff_of_sealed", id),
                rs.getObject("case_id", UUID.class));
    }

    private @Nullable String open(ResultSet rs, String column, UUID id) throws SQLException {
        return cipher.open(rs.getBytes(column), TABLE, column, id);
    }
}
