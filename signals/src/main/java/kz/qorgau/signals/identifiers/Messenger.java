package kz.qorgau.signals.identifiers;

/** Where a handle lives, as far as the text says. */
public enum Messenger {
    /** Telegram: {@code t.me/…} links, or an {@code @handle} next to "tg", "telegram", "телеграм". */
    TELEGRAM,
    /** Instagram: {@code instagram.com/…} links, or an {@code @handle} next to "inst", "ig", "инстаграм". */
    INSTAGRAM,
    /** An {@code @handle} with nothing around it that names the service. */
    UNKNOWN
}
