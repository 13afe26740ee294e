package kz.qorgau.signals.text;

import java.util.Objects;

/**
 * One place where a phrase of a {@link PhraseMatcher} occurs.
 *
 * @param payload what the phrase was registered with
 * @param phrase the phrase as written when registered
 * @param firstToken index of the first matched token
 * @param lastToken index of the last matched token
 * @param evidence the original words
 * @param <T> the payload type
 */
public record PhraseMatch<T>(T payload, String phrase, int firstToken, int lastToken, TextSpan evidence) {

    /** Checks the fields. */
    public PhraseMatch {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(evidence, "evidence");
    }
}
