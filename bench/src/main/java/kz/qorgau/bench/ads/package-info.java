/**
 * {@code qorgau bench ads}: generated ads in Russian, Kazakh and English, screened and linked at a
 * million ads, with their baselines (plain libphonenumber, exact all-pairs similarity).
 */
@NullMarked
package kz.qorgau.bench.ads;

import org.jspecify.annotations.NullMarked;
