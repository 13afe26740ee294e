/**
 * Identifiers in free text: phone numbers (also spelled out in Russian, Kazakh or English words,
 * split by spaces or punctuation, or written with look-alike letters) normalised to E.164 with
 * libphonenumber — the join key across ads, payments and case files —, messenger contacts
 * (WhatsApp links, Telegram and Instagram handles and links), stated ages and prices, each with the
 * original words it was read from. Entry points: {@link
 * kz.qorgau.signals.identifiers.IdentifierExtractor} and {@link
 * kz.qorgau.signals.identifiers.PhoneNumbers}.
 */
@NullMarked
package kz.qorgau.signals.identifiers;

import org.jspecify.annotations.NullMarked;
