package org.pipelineaudit.mail;

import java.util.Arrays;
import java.util.List;
import org.pipelineaudit.store.FindingStore;
import org.pipelineaudit.store.ReportQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Mail settings: spring.mail.* (the SMTP server; without spring.mail.host emails become .eml files),
 * audit.mail.enabled, audit.mail.from, audit.mail.auditors (comma-separated addresses).
 */
@Configuration
public class MailConfiguration {

    /** The mail settings a nightly run uses. */
    public record MailSettings(boolean enabled, String from, List<String> auditors) {
    }

    @Bean
    MailSettings mailSettings(@Value("${audit.mail.enabled:true}") boolean enabled,
                              @Value("${audit.mail.from:pipeline-audit@localhost}") String from,
                              @Value("${audit.mail.auditors:}") String auditors) {
        return new MailSettings(enabled, from, Arrays.stream(auditors.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList());
    }

    @Bean
    MailComposer mailComposer(Outbox outbox, FindingStore findings, ReportQueries queries) {
        return new MailComposer(outbox, findings, queries);
    }

    @Bean
    MailDelivery mailDelivery(Outbox outbox, ObjectProvider<JavaMailSender> sender, MailSettings settings) {
        return new MailDelivery(outbox, sender.getIfAvailable(), settings.from());
    }
}
