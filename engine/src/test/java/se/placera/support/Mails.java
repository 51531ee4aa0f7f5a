package se.placera.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Mail read back from a test's GreenMail server. */
public final class Mails {

    private Mails() {
    }

    /** Waits (up to 30 s) for a mail to {@code to} whose subject contains {@code subject}; returns its text. */
    public static String await(GreenMail mail, String to, String subject) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String found = find(mail, to, subject);
            if (found != null) {
                return found;
            }
            try {
                mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
            } catch (RuntimeException ignored) {
                // poll again
            }
        }
        throw new AssertionError("No mail '" + subject + "' to " + to + " within 30 s");
    }

    /** The text of a mail to {@code to} whose subject contains {@code subject} received so far, or null. */
    public static String find(GreenMail mail, String to, String subject) {
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                boolean toMatches = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(to));
                if (toMatches && m.getSubject().contains(subject)) {
                    return String.valueOf(m.getContent());
                }
            } catch (jakarta.mail.MessagingException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /** The single-use token of a link to {@code path} in a mail's text. */
    public static String tokenIn(String mailBody, String path) {
        Matcher m = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(mailBody);
        if (!m.find()) {
            throw new AssertionError("No " + path + " link in: " + mailBody);
        }
        return m.group(1);
    }
}
