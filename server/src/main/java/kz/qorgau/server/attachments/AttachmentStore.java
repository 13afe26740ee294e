package kz.qorgau.server.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code attachment} and {@code attachment_content} tables. Everything a person chose is sealed
 * here, bound to its row: the name and digest to ({@code attachment}, column, id), the content to
 * ({@code attachment_content}, variant, id).
 */
@Component
final class AttachmentStore {

    static final String TABLE = "attachment";
    static final String CONTENT = "attachment_content";
    static final String ORIGINAL = "ORIGINAL";
    static final String VIEWING = "VIEWING";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    AttachmentStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A stored attachment's row. */
    record Stored(
            UUID id,
            @Nullable UUID reportId,
            @Nullable UUID caseId,
            @Nullable UUID messageId,
            int position,
            AttachmentKind kind,
            long size,
            @Nullable AttachmentKind viewingKind,
            Instant uploadedAt,
            String uploadedBy,
            byte @Nullable [] fileNameSealed) {}

    /** The owner of attachments: a report, or a message of a case. */
    record Owner(
            @Nullable UUID reportId,
            @Nullable UUID caseId,
            @Nullable UUID messageId) {
        static Owner report(UUID reportId) {
            return new Owner(reportId, null, null);
        }

        static Owner message(UUID caseId, UUID messageId) {
            return new Owner(null, caseId, messageId);
        }

        String column() {
            return reportId != null ? "report_id" : "message_id";
        }

        UUID key() {
            return reportId != null ? reportId : java.util.Objects.requireNonNull(messageId);
        }
    }

    int count(Owner owner) {
        return jdbc.sql("select count(*) from attachment where " + owner.column() + " = ?")
                .param(owner.key())
                .query(Integer.class)
                .single();
    }

    int lastPosition(Owner owner) {
        return jdbc.sql("select coalesce(max(position), 0) from attachment where " + owner.column() + " = ?")
                .param(owner.key())
                .query(Integer.class)
                .single();
    }

    void insert(UUID id, Owner owner, int position, PreparedAttachment prepared, Instant at, String uploadedBy) {
        byte[] viewing = prepared.viewing();
        jdbc.sql("""
                        insert into attachment (id, report_id, case_id, message_id, position, kind, size_bytes,
                            viewing_kind, uploaded_at, uploaded_by, file_name_sealed, sha256_sealed)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        owner.reportId(),
                        owner.caseId(),
                        owner.messageId(),
                        position,
                        prepared.kind().name(),
                        prepared.size(),
                        viewing == null ? null : prepared.kind().name(),
                        SqlTime.bind(at),
                        uploadedBy,
                        cipher.seal(prepared.fileName(), TABLE, "file_name_sealed", id),
                        cipher.seal(prepared.sha256(), TABLE, "sha256_sealed", id))
                .update();
        insertContent(id, ORIGINAL, prepared.original());
        if (viewing != null) {
            insertContent(id, VIEWING, viewing);
        }
    }

    private void insertContent(UUID id, String variant, byte[] content) {
        jdbc.sql("insert into attachment_content (attachment_id, variant, sealed) values (?, ?, ?)")
                .params(id, variant, cipher.sealBytes(content, CONTENT, variant, id))
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from attachment where id = ?")
                .param(id)
                .query(this::stored)
                .optional();
    }

    List<Stored> ofReports(List<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from attachment where report_id in (:ids) order by uploaded_at, report_id, position")
                .param("ids", reportIds)
                .query(this::stored)
                .list();
    }

    List<Stored> ofCaseMessages(UUID caseId) {
        return jdbc.sql("select * from attachment where case_id = ? order by uploaded_at, message_id, position")
                .param(caseId)
                .query(this::stored)
                .list();
    }

    /** The decrypted content of one variant, if stored. */
    Optional<byte[]> content(UUID id, String variant) {
        return jdbc.sql("select sealed from attachment_content where attachment_id = ? and variant = ?")
                .params(id, variant)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(bytes -> cipher.openBytes(bytes, CONTENT, variant, id));
    }

    @Nullable
    String fileName(Stored stored) {
        return cipher.open(stored.fileNameSealed(), TABLE, "file_name_sealed", stored.id());
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        String viewing = rs.getString("viewing_kind");
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getObject("case_id", UUID.class),
                rs.getObject("message_id", UUID.class),
                rs.getInt("position"),
                AttachmentKind.valueOf(rs.getString("kind")),
                rs.getLong("size_bytes"),
                viewing == null ? null : AttachmentKind.valueOf(viewing),
                SqlTime.require(rs, "uploaded_at"),
                rs.getString("uploaded_by"),
                rs.getBytes("file_name_sealed"));
    }
}
