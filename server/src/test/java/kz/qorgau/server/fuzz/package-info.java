/**
 * Fuzz tests (Jazzer {@code @FuzzTest}) of what the public can send: the report endpoint, the receipt
 * endpoints and uploads. They replay their seed inputs in every test run and fuzz with {@code
 * JAZZER_FUZZ=1} (docs/data-protection.md).
 */
@NullMarked
package kz.qorgau.server.fuzz;

import org.jspecify.annotations.NullMarked;
