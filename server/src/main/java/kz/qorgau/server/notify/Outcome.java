package kz.qorgau.server.notify;

/** What became of one attempt to deliver. */
sealed interface Outcome {

    /** The SMTP server accepted the e-mail, or the webhook receiver answered 2xx. */
    record Delivered() implements Outcome {}

    /**
     * The attempt failed.
     *
     * @param reason why, without personal data
     * @param permanent whether another attempt cannot succeed (a malformed address, a deactivated
     *     endpoint); otherwise it is retried until the attempts run out
     */
    record Failed(String reason, boolean permanent) implements Outcome {}

    /** Not attempted: the channel is not configured on this instance; the delivery waits. */
    record Held(String reason) implements Outcome {}
}
