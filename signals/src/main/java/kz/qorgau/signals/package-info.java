/**
 * Signals from outside the case file: text normalisation, ad screening, identifier extraction,
 * linking, payment typologies and school early warning. Every result carries its reasons.
 */
@NullMarked
package kz.qorgau.signals;

import org.jspecify.annotations.NullMarked;
