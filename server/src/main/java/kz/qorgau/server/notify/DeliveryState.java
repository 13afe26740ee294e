package kz.qorgau.server.notify;

/** Where a delivery stands. Deliveries are never deleted. */
public enum DeliveryState {
    /** Not yet delivered: due now or later, or held (e-mail while SMTP is not configured). */
    PENDING,
    /** Delivered: the SMTP server accepted the e-mail, or the webhook receiver answered 2xx. */
    SENT,
    /** Failed permanently: every attempt failed, or there was no recipient. Kept with the reason. */
    FAILED
}
