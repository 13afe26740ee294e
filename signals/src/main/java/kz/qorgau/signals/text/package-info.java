/**
 * Text normalisation shared by every screener: Unicode NFKC and case folding, look-alike characters
 * between Latin, Cyrillic and digits resolved per word, a script-independent match key (ICU
 * transliteration) so that Russian, Kazakh and English words match whether they were typed in
 * Cyrillic or Latin, emoji kept as tokens, and offsets into the original text so that every
 * explanation can quote what was actually written. Entry points: {@link
 * kz.qorgau.signals.text.TextNormalizer} and {@link kz.qorgau.signals.text.PhraseMatcher}.
 */
@NullMarked
package kz.qorgau.signals.text;

import org.jspecify.annotations.NullMarked;
