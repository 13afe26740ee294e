package kz.qorgau.server.casework;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kz.qorgau.core.casework.Case;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.server.platform.FieldCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases and referrals as stored: JSON of the core records (their canonical constructors re-check every
 * invariant when read back), sealed with AEAD bound to the row, because they hold the child's name,
 * notes and reasons (ADR 0002).
 */
@Component
class CaseDocuments {

    /** Read leniently: derived getters of the records (e.g. {@code isMet}) are written but not read. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final FieldCipher cipher;

    CaseDocuments(FieldCipher cipher) {
        this.cipher = cipher;
    }

    byte[] seal(Case value) {
        return seal(
                JSON.writeValueAsString(value), "safeguarding_case", value.id().value());
    }

    byte[] seal(Referral value) {
        return seal(JSON.writeValueAsString(value), "referral", value.id().value());
    }

    Case openCase(byte[] sealed, UUID id) {
        return JSON.readValue(open(sealed, "safeguarding_case", id), Case.class);
    }

    Referral openReferral(byte[] sealed, UUID id) {
        return JSON.readValue(open(sealed, "referral", id), Referral.class);
    }

    byte @Nullable [] sealText(@Nullable String text, String table, String column, UUID id) {
        return cipher.seal(text, table, column, id);
    }

    @Nullable
    String openText(byte @Nullable [] sealed, String table, String column, UUID id) {
        return cipher.open(sealed, table, column, id);
    }

    private byte[] seal(String json, String table, UUID id) {
        byte[] sealed = cipher.seal(json, table, "document_sealed", id);
        if (sealed == null) {
            throw new IllegalStateException("sealing returned nothing");
        }
        return sealed;
    }

    private String open(byte[] sealed, String table, UUID id) {
        String json = cipher.open(sealed, table, "document_sealed", id);
        if (json == null) {
            throw new IllegalStateException(table + " " + id + " has no document");
        }
        return json;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
