package kz.qorgau.server.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qorgau.keys.*} for field encryption (docs/data-protection.md).
 *
 * @param fieldsKeyset the Tink keyset file of the field keys ({@code QORGAU_KEYS_FIELDS_KEYSET});
 *     by default {@code keys/fields.keyset.json} in the data directory, created on first start
 * @param masterKeyUri the key that encrypts the keyset file ({@code QORGAU_KEYS_MASTER_KEY_URI}):
 *     {@code local-file:/path} (a Tink AEAD keyset kept apart from the data), or a KMS key URI
 *     ({@code gcp-kms://…}, {@code aws-kms://…}) when a Tink KMS client is on the class path; without
 *     it the keyset file is stored in clear, protected by file permissions only
 * @param reloadInterval how often each instance re-reads the keyset file to pick up keys another
 *     instance (or an operator) added
 */
@ConfigurationProperties("qorgau.keys")
record KeySettings(
        @Nullable Path fieldsKeyset,
        @Nullable String masterKeyUri,
        @DefaultValue("30s") Duration reloadInterval) {}
