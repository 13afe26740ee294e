package kz.qorgau.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 on raw 32-byte keys and seeds (RFC 8032), over the JDK provider, which only speaks X.509 and PKCS #8
 * encodings; the fixed DER prefixes below wrap and unwrap the raw bytes.
 */
final class Ed25519 {

    static final int KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    /** SubjectPublicKeyInfo for id-Ed25519 (1.3.101.112) around a 32-byte key (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** OneAsymmetricKey v0 for id-Ed25519 around a 32-byte seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {}

    static PublicKey publicKey(byte[] raw) {
        requireLength(raw, "an Ed25519 public key");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, "an Ed25519 seed");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime rejected a 32-byte Ed25519 seed", e);
        }
    }

    /**
     * The public key of a seed. The JDK cannot derive it directly, but its key pair generator draws exactly the
     * 32 seed bytes from the random source it is given, so a source that returns the seed yields the pair.
     */
    static byte[] publicKeyFromSeed(byte[] seed) {
        requireLength(seed, "an Ed25519 seed");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] privateEncoding = pair.getPrivate().getEncoded();
            if (!Arrays.equals(
                    privateEncoding, privateEncoding.length - KEY_SIZE, privateEncoding.length, seed, 0, KEY_SIZE)) {
                throw new IllegalStateException(
                        "this Java runtime's Ed25519 key generator does not use its random bytes as the seed");
            }
            return rawPublicKey(pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no Ed25519 (it is standard since Java 15)", e);
        }
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != SPKI_PREFIX.length + KEY_SIZE
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalStateException("unexpected Ed25519 public key encoding from the Java runtime");
        }
        return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    }

    static byte[] newSeed(SecureRandom random) {
        byte[] seed = new byte[KEY_SIZE];
        random.nextBytes(seed);
        return seed;
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** False for a wrong length or any encoding the provider refuses, never an exception. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The C2SP key ID: the first four bytes, big-endian, of SHA-256(name ‖ 0x0A ‖ type ‖ public key). */
    static int keyId(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(type);
            digest.update(publicKey);
            byte[] sum = digest.digest();
            return ((sum[0] & 0xff) << 24) | ((sum[1] & 0xff) << 16) | ((sum[2] & 0xff) << 8) | (sum[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    private static void requireLength(byte[] bytes, String what) {
        if (bytes.length != KEY_SIZE) {
            throw new IllegalArgumentException(what + " has " + KEY_SIZE + " bytes, got " + bytes.length);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A "random" source that yields one fixed seed, used only to derive a public key. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for " + seed.length + " seed bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
