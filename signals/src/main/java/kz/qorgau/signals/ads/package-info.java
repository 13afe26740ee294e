/**
 * Online exploitation screening of ads: reading ads (JSON lines, bad lines reported and skipped),
 * the explained minor-risk score from a versioned indicator file an NGO can edit, linking ads that
 * share a phone, a handle, an image or a near-duplicate text into clusters (probable operators),
 * and matching the identifiers recorded in case files against screened ads. Results are signals
 * for a person to review, never verdicts. Entry points: {@link kz.qorgau.signals.ads.AdReader},
 * {@link kz.qorgau.signals.ads.AdScreener}, {@link kz.qorgau.signals.ads.AdLinker} and {@link
 * kz.qorgau.signals.ads.CaseIdentifierIndex}.
 */
@NullMarked
package kz.qorgau.signals.ads;

import org.jspecify.annotations.NullMarked;
