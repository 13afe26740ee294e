package kz.qorgau.server.notify;

/** How a notice reaches an organisation. */
public enum DeliveryChannel {
    /** An e-mail over SMTP to the organisation's mailbox or to its staff. */
    EMAIL,
    /** A signed HTTP POST to an endpoint the organisation's integration registered. */
    WEBHOOK,
    /** The organisation had no recipient at all; recorded as FAILED so that it is seen. */
    NONE
}
