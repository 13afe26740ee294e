package kz.qorgau.server.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * One timeline per case, in time order: reports, referrals, acknowledgements, actions, escalations,
 * conflicts, notices, messages and signals.
 */
@Service
public class Chronology {

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Caseload caseload;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    Chronology(JdbcClient jdbc, Caseload caseload, FieldCipher cipher, AuditTrail audit) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** One entry of the timeline. */
    public record Entry(
            Instant at,
            String kind,
            @Nullable UUID referral,
            @Nullable String organisation,
            String actorOrganisation,
            String actorRole,
            Map<String, Object> detail) {}

    /** The case's timeline, oldest first, if the member may see the case. */
    @Transactional
    public List<Entry> of(StaffMember member, UUID caseId) {
        if (!caseload.maySee(member, caseId)) {
            throw new NotFoundException("no case " + caseId + " that you may see");
        }
        audit.record("chronology.read", caseId, Casework.auditActor(member), Map.of("case", caseId.toString()));
        return jdbc.sql("select * from case_timeline where case_id = ? order by at, seq")
                .param(caseId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String json = cipher.open(rs.getBytes("detail_sealed"), "case_timeline", "detail_sealed", id);
                    Map<String, Object> detail = json == null ? Map.of() : CaseDocuments.JSON.readValue(json, DETAIL);
                    return new Entry(
                            SqlTime.require(rs, "at"),
                            rs.getString("kind"),
                            rs.getObject("referral_id", UUID.class),
                            rs.getString("organisation_code"),
                            rs.getString("actor_organisation"),
                            rs.getString("actor_role"),
                            detail);
                })
                .list();
    }
}
