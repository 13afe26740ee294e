package kz.qorgau.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.note.NoteSigner;
import kz.qorgau.server.platform.DataDirectory;
import org.springframework.stereotype.Component;

/**
 * The ledger's keys: the Ed25519 key that signs checkpoints (its verifier key is public) and the HMAC
 * key that turns case ids into pseudonyms, so that entries name no case in clear. Each comes from
 * configuration or, for the embedded default, is generated into the data directory once.
 */
@Component
final class LedgerKeys {

    static final String SIGNER_FILE = "ledger-signer.key";
    static final String PSEUDONYM_FILE = "case-pseudonym.key";

    private final NoteSigner signer;
    private final SecretKeySpec pseudonymKey;

    LedgerKeys(LedgerSettings settings, DataDirectory dataDirectory) {
        String signerKey = settings.signerKey();
        if (signerKey == null || signerKey.isBlank()) {
            signerKey = new String(
                            dataDirectory.secretFile(
                                    SIGNER_FILE,
                                    () -> NoteSigner.generateKeyPair(settings.origin(), new SecureRandom())
                                            .signerKey()
                                            .getBytes(StandardCharsets.UTF_8)),
                            StandardCharsets.UTF_8)
                    .trim();
        }
        this.signer = NoteSigner.fromSignerKey(signerKey.trim());
        if (!signer.name().equals(settings.origin())) {
            throw new IllegalStateException("the ledger signer key is named '" + signer.name()
                    + "' but qorgau.ledger.origin is '" + settings.origin()
                    + "': set qorgau.ledger.origin to the key's name, or configure a key with that name");
        }
        byte[] pseudonym =
                settings.pseudonymKey() == null || settings.pseudonymKey().isBlank()
                        ? dataDirectory.secret(PSEUDONYM_FILE, 32)
                        : Base64.getDecoder().decode(settings.pseudonymKey().trim());
        if (pseudonym.length < 32) {
            throw new IllegalStateException("qorgau.ledger.pseudonym-key must be at least 32 bytes (base64)");
        }
        this.pseudonymKey = new SecretKeySpec(pseudonym, "HmacSHA256");
    }

    NoteSigner signer() {
        return signer;
    }

    /** HMAC-SHA-256 of the case id under the pseudonym key. */
    Hash pseudonym(UUID caseId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            return Hash.of(mac.doFinal(("case:" + caseId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
