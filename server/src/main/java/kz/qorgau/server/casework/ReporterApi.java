package kz.qorgau.server.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import kz.qorgau.server.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporter's API, authenticated by the receipt alone ({@code X-Receipt}). A wrong receipt and a
 * missing one get the same 404.
 */
@RestController
@Tag(name = "Reporter", description = "Following a report with its receipt")
class ReporterApi {

    private final ReporterChannel channel;

    ReporterApi(ReporterChannel channel) {
        this.channel = channel;
    }

    /**
     * A message from the reporter.
     *
     * @param flag {@code threatened} ("I was threatened or pressured") or {@code statement-refused}
     *     ("they refused to take my statement")
     * @param organisation the organisation the flag is about, by name or code
     */
    record MessageRequest(
            @Nullable String body,
            @Nullable String flag,
            @Nullable String organisation) {}

    @GetMapping("/api/v1/reporter/case")
    @Operation(summary = "Status and messages of the reporter's case")
    ReporterChannel.ReporterView reporterCase(
            @RequestHeader(name = "X-Receipt", required = false) @Nullable String receipt) {
        return channel.view(receipt);
    }

    @PostMapping("/api/v1/reporter/messages")
    @Operation(summary = "A message or more information; can flag threats or a refused statement")
    ResponseEntity<ReporterChannel.Message> message(
            @RequestHeader(name = "X-Receipt", required = false) @Nullable String receipt,
            @RequestBody MessageRequest request) {
        ReporterChannel.Flag flag = flag(request.flag());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(channel.fromReporter(receipt, request.body(), flag, request.organisation()));
    }

    static ReporterChannel.@Nullable Flag flag(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return switch (code.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "threatened", "threat", "pressured" -> ReporterChannel.Flag.THREATENED;
            case "statement-refused", "refused" -> ReporterChannel.Flag.STATEMENT_REFUSED;
            default -> throw new InvalidInputException("flag", "unknown", "must be threatened or statement-refused");
        };
    }
}
