package kz.qorgau.server.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.platform.QorgauProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notice e-mails through Spring's {@link JavaMailSender}, which exists only when
 * {@code spring.mail.host} is set. Without it e-mail delivery is disabled: e-mails are still written to
 * the outbox, held there with the reason, and sent once a server starts with SMTP configured.
 */
@Component
class MailChannel {

    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

    static final String DISABLED = "held: e-mail delivery is disabled because spring.mail.host is not set;"
            + " it is sent once a server starts with SMTP configured";

    private final @Nullable JavaMailSender sender;
    private final MailText text;
    private final InternetAddress from;
    private final Directory directory;
    private final Clock clock;

    MailChannel(
            ObjectProvider<JavaMailSender> sender,
            NotifySettings settings,
            QorgauProperties qorgau,
            Directory directory,
            Clock clock) {
        this.sender = sender.getIfAvailable();
        this.text = new MailText(settings.mail().locales(), qorgau.publicBaseUrl());
        this.directory = directory;
        this.clock = clock;
        try {
            this.from = new InternetAddress(settings.mail().from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "qorgau.notify.mail.from is not an e-mail address: use 'Qorgau <no-reply@example.kz>'", e);
        }
        if (this.sender instanceof JavaMailSenderImpl impl) {
            boundedWaits(impl.getJavaMailProperties());
        }
    }

    /**
     * JavaMail waits forever by default; a stuck SMTP server would then hold a claimed delivery past
     * its lease. Applied only where {@code spring.mail.properties.*} sets nothing.
     */
    private static void boundedWaits(Properties properties) {
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.putIfAbsent("mail." + protocol + ".connectiontimeout", "5000");
            properties.putIfAbsent("mail." + protocol + ".timeout", "10000");
            properties.putIfAbsent("mail." + protocol + ".writetimeout", "10000");
        }
    }

    boolean enabled() {
        return sender != null;
    }

    MailText text() {
        return text;
    }

    Outcome send(Outbox.Claim claim) {
        JavaMailSender mail = sender;
        if (mail == null) {
            return new Outcome.Held(DISABLED);
        }
        Organisation to = directory.organisation(claim.organisationCode()).orElse(null);
        if (to == null) {
            return new Outcome.Failed("the organisation " + claim.organisationCode() + " is no longer known", true);
        }
        MailText.Mail content = text.compose(claim.kind(), claim.caseReference(), claim.caseId(), claim.detail(), to);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(claim.recipient(), true));
            helper.setSubject(content.subject());
            helper.setText(content.body(), false);
            helper.setSentDate(Date.from(clock.instant()));
            // RFC 3834: out-of-office replies and other auto-responders do not answer it.
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Qorgau-Delivery", claim.id().toString());
            message.setHeader("X-Qorgau-Event", claim.kind().event());
            mail.send(message);
            return new Outcome.Delivered();
        } catch (AddressException e) {
            return new Outcome.Failed("the recipient address is malformed; correct it in the directory", true);
        } catch (MailParseException | MailPreparationException e) {
            return new Outcome.Failed(FailureText.of(e), true);
        } catch (MailException | jakarta.mail.MessagingException e) {
            return new Outcome.Failed(FailureText.of(e), false);
        } catch (RuntimeException e) {
            log.warn(
                    "notify: unexpected {} while sending e-mail delivery {}",
                    e.getClass().getName(),
                    claim.id());
            return new Outcome.Failed(FailureText.of(e), false);
        }
    }
}
