package kz.qorgau.server.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import kz.qorgau.server.attachments.AttachmentCheck;
import kz.qorgau.server.attachments.Attachments;
import kz.qorgau.server.attachments.Upload;
import kz.qorgau.server.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The reporter's API, authenticated by the receipt alone ({@code X-Receipt}). A wrong receipt and a
 * missing one get the same 404.
 */
@RestController
@Tag(name = "Reporter", description = "Following a report with its receipt")
class ReporterApi {

    private final ReporterChannel channel;
    private final Attachments attachments;
    private final MessageSource messages;

    ReporterApi(ReporterChannel channel, Attachments attachments, MessageSource messages) {
        this.channel = channel;
        this.attachments = attachments;
        this.messages = messages;
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

    @PostMapping(path = "/api/v1/reporter/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "A message with files attached",
            description = "Multipart: optional fields 'body', 'flag' and 'organisation' as for the JSON form, and"
                    + " parts named 'file' (photos, PDF, audio; recognised by their content, each at most"
                    + " qorgau.attachments.max-size, at most qorgau.attachments.max-per-report per message)."
                    + " The message and all its files are stored, or nothing is.")
    ResponseEntity<ReporterChannel.Message> messageWithFiles(
            @RequestHeader(name = "X-Receipt", required = false) @Nullable String receipt,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String flag,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files) {
        ReporterChannel.Flag parsedFlag = flag(flag);
        AttachmentCheck checked = attachments.prepare(
                files == null ? List.of() : files.stream().map(Upload::of).toList(), 0);
        if (checked instanceof AttachmentCheck.Refused refused) {
            throw refused.asProblem(messages);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(channel.fromReporter(
                        receipt, body, parsedFlag, organisation, (AttachmentCheck.Accepted) checked));
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
