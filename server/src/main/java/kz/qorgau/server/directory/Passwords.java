package kz.qorgau.server.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff passwords are hashed with Argon2id at OWASP's recommended minimum (Password Storage Cheat
 * Sheet: m = 19 MiB, t = 2, p = 1), with a 16-byte salt and a 32-byte hash. The parameters are in
 * each stored hash, so raising them later re-hashes nothing that exists.
 */
@Configuration(proxyBeanMethods = false)
class Passwords {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }
}
