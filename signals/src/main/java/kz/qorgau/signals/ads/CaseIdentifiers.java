package kz.qorgau.signals.ads;

import java.util.List;
import java.util.Objects;

/**
 * Identifiers a case worker recorded on one case, as typed: the child's phone numbers, messenger
 * handles and nicknames. {@link CaseIdentifierIndex} normalises them.
 *
 * @param caseRef the case's reference (a pseudonym; no personal data needed here)
 * @param phones phone numbers in any usual form
 * @param handles handles ({@code @name}, {@code name}, {@code t.me/name})
 * @param nicknames names the child is known by online; matched as words of the ad, which is weak
 *     evidence (common names match many ads)
 */
public record CaseIdentifiers(String caseRef, List<String> phones, List<String> handles, List<String> nicknames) {

    /** Checks the fields and copies the lists. */
    public CaseIdentifiers {
        Objects.requireNonNull(caseRef, "caseRef");
        phones = List.copyOf(phones);
        handles = List.copyOf(handles);
        nicknames = List.copyOf(nicknames);
    }
}
