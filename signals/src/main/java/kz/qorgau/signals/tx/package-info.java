/**
 * Payment typologies of child sexual exploitation money flows: pass-through accounts (many small
 * payments from many people, often at night, forwarded within hours to very few accounts, no
 * ordinary living costs), their collectors and controllers, screened in one streaming pass with
 * bounded memory. Every alert carries the rules that fired and concrete evidence.
 *
 * <p>Entry points: {@link kz.qorgau.signals.tx.TransactionScreener} (screen a stream or a batch),
 * {@link kz.qorgau.signals.tx.ScreeningRules} (the versioned thresholds, memo keywords and MCC
 * lists), {@link kz.qorgau.signals.tx.AlertJson} (one JSON line per alert); readers for CSV,
 * camt.053 and JSON lines are in {@link kz.qorgau.signals.tx.input}.
 */
@NullMarked
package kz.qorgau.signals.tx;

import org.jspecify.annotations.NullMarked;
