package kz.qorgau.ledger.note;

import java.util.Base64;

/**
 * The text forms of keys used by Go's {@code note.GenerateKey}: verifier keys {@code name+hexkeyid+base64(type
 * ‖ key)} and signer keys {@code PRIVATE+KEY+name+hexkeyid+base64(type ‖ seed)}. Messages never echo a signer
 * key.
 */
final class KeyText {

    static final byte TYPE_ED25519 = 0x01;
    static final byte TYPE_COSIGNATURE_V1 = 0x04;

    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    private KeyText() {}

    /** A key string taken apart; {@code key} is the public key or the seed, without the type byte. */
    record Parsed(String name, int keyId, byte type, byte[] key) {}

    static Parsed parseVerifierKey(String verifierKey) {
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key looks like name+hexkeyid+base64key, e.g."
                    + " 'qorgau.example.kz/ledger+1a2b3c4d+AR...'; '" + shorten(verifierKey) + "' has "
                    + parts.length + " '+'-separated parts");
        }
        return parse(parts[0], parts[1], parts[2], "verifier key '" + shorten(verifierKey) + "'");
    }

    static Parsed parseSignerKey(String signerKey) {
        if (!signerKey.startsWith(PRIVATE_PREFIX)) {
            throw new IllegalArgumentException(
                    "a signer key starts with 'PRIVATE+KEY+' (as Go's note.GenerateKey writes it); this one does not");
        }
        String[] parts = signerKey.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "a signer key looks like PRIVATE+KEY+name+hexkeyid+base64seed; this one has too few parts");
        }
        return parse(parts[0], parts[1], parts[2], "the signer key");
    }

    private static Parsed parse(String name, String keyIdHex, String base64, String what) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException(what + " has an invalid name '" + name
                    + "': a key name is non-empty and has no spaces, '+' or control characters");
        }
        if (keyIdHex.length() != 8) {
            throw new IllegalArgumentException(
                    what + " needs a key ID of 8 hexadecimal digits after the name, got " + keyIdHex.length());
        }
        int keyId;
        try {
            keyId = Integer.parseUnsignedInt(keyIdHex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " has a key ID that is not hexadecimal", e);
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " has key material that is not base64", e);
        }
        if (typed.length == 0 || !Base64.getEncoder().encodeToString(typed).equals(base64)) {
            throw new IllegalArgumentException(
                    what + " has key material that is not canonical base64 (standard alphabet, '=' padding)");
        }
        byte type = typed[0];
        if (type != TYPE_ED25519 && type != TYPE_COSIGNATURE_V1) {
            throw new IllegalArgumentException(what + " has signature type 0x" + String.format("%02x", type & 0xff)
                    + "; only Ed25519 (0x01) and Ed25519 cosignatures (0x04) are supported");
        }
        if (typed.length != 1 + Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException(what + " holds " + (typed.length - 1) + " key bytes after the type"
                    + " byte; Ed25519 keys have " + Ed25519.KEY_SIZE);
        }
        byte[] key = new byte[Ed25519.KEY_SIZE];
        System.arraycopy(typed, 1, key, 0, key.length);
        return new Parsed(name, keyId, type, key);
    }

    static String verifierKey(String name, byte type, byte[] publicKey) {
        return name + "+" + hex(Ed25519.keyId(name, type, publicKey)) + "+" + typedBase64(type, publicKey);
    }

    static String signerKey(String name, byte type, byte[] seed, byte[] publicKey) {
        return PRIVATE_PREFIX + name + "+" + hex(Ed25519.keyId(name, type, publicKey)) + "+" + typedBase64(type, seed);
    }

    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name
                    + "': a key name is non-empty and has no spaces, '+' or control characters"
                    + " (e.g. qorgau.example.kz/ledger)");
        }
    }

    /** Go's rule: non-empty, well-formed, no Unicode space and no '+'; control characters are refused too. */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+'
                    || cp < 0x20
                    || cp == 0x7f
                    || cp == 0x85
                    || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || Character.isSurrogate((char) cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String typedBase64(byte type, byte[] key) {
        byte[] typed = new byte[1 + key.length];
        typed[0] = type;
        System.arraycopy(key, 0, typed, 1, key.length);
        return Base64.getEncoder().encodeToString(typed);
    }

    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
