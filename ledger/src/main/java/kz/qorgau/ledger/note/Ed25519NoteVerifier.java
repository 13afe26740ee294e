package kz.qorgau.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/** Signature type 0x01: Ed25519 over the note text. */
final class Ed25519NoteVerifier implements NoteVerifier {

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey key;

    Ed25519NoteVerifier(String name, byte[] publicKey) {
        KeyText.requireValidName(name);
        this.key = Ed25519.publicKey(publicKey);
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = Ed25519.keyId(name, KeyText.TYPE_ED25519, publicKey);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public String verifierKey() {
        return KeyText.verifierKey(name, KeyText.TYPE_ED25519, publicKey);
    }

    @Override
    public boolean verify(String text, byte[] signature) {
        return Ed25519.verify(key, text.getBytes(StandardCharsets.UTF_8), signature);
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + verifierKey() + "]";
    }
}
