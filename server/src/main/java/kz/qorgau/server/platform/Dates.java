package kz.qorgau.server.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formats instants for pages, in Kazakhstan's time zone ({@code ${@dates.format(instant)}}). */
@Component("dates")
public final class Dates {

    /** Kazakhstan has one time zone, UTC+5, since March 2024. */
    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** {@code dd.MM.yyyy HH:mm} in Asia/Almaty, or an empty string. */
    public String format(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(KAZAKHSTAN));
    }
}
