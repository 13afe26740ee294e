package kz.qorgau.server.notify;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qorgau.server.directory.Organisation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The text of a notice e-mail: plain text, one section per configured language (Kazakh, Russian,
 * English by default: organisations have no language of their own), from the bundles
 * {@code i18n/notify*.properties}. Holds the case reference, the organisation's name and a link to
 * the case for signed-in staff; nothing about the child or the reporter.
 */
final class MailText {

    static final String BUNDLE = "i18n/notify";

    private final ResourceBundleMessageSource messages;
    private final List<Locale> languages;
    private final String publicBaseUrl;

    MailText(List<Locale> languages, String publicBaseUrl) {
        // A private message source, not a bean: a second MessageSource bean would make the
        // application's own 'messageSource' ambiguous for injection by type.
        this.messages = new ResourceBundleMessageSource();
        messages.setBasename(BUNDLE);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        this.languages = List.copyOf(languages);
        this.publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    record Mail(String subject, String body) {}

    /** The page of the case for staff, under {@code qorgau.public-base-url}. */
    String caseLink(UUID caseId) {
        return publicBaseUrl + "/staff/cases/" + caseId;
    }

    Mail compose(NoticeKind kind, String caseReference, UUID caseId, @Nullable String detail, Organisation to) {
        String titles = languages.stream()
                .map(language -> text("notify.title." + kind.name(), language))
                .distinct()
                .collect(Collectors.joining(" / "));
        String subject = "[Qorgau] " + caseReference + ": " + titles;
        String link = caseLink(caseId);
        StringBuilder body = new StringBuilder();
        for (Locale language : languages) {
            String heading = text("notify.language", language);
            body.append(heading).append('\n');
            body.append("-".repeat(heading.length())).append('\n');
            body.append(text("notify.body." + kind.name(), language, caseReference, to.name(language)))
                    .append('\n');
            if (detail != null) {
                body.append(text("notify.detail", language, detail)).append('\n');
            }
            body.append(text("notify.link", language, link)).append("\n\n");
            body.append(text("notify.privacy", language)).append('\n');
            body.append(text("notify.automatic", language)).append("\n\n");
        }
        return new Mail(subject, body.toString().stripTrailing() + "\n");
    }

    private String text(String key, Locale language, Object... arguments) {
        return messages.getMessage(key, arguments, language);
    }
}
