package se.placera.providers.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the register ({@code placera.providers.*}).
 *
 * @param maxDocumentBytes largest file (IVO permit PDF, document) accepted, default 10 MB
 * @param maxImportBytes   largest Excel workbook accepted for import, default 20 MB
 * @param defaultProfile   the matching profile used when a search names none
 */
@ConfigurationProperties("placera.providers")
public record ProvidersProperties(@DefaultValue("10485760") long maxDocumentBytes,
        @DefaultValue("20971520") long maxImportBytes, @DefaultValue("standard") String defaultProfile) {
}
