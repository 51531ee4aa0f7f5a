package se.placera.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of attachments ({@code placera.attachments.*}).
 *
 * @param maxBytes largest file accepted, default 20 MB; the upload is cut off at the first byte past it
 * @param spoolDir where an upload is spooled while it is counted and checked, before it is stored; default
 *                 {@code <placera.embedded-db.data-dir>/spool}. Spool files live only during one upload.
 */
@ConfigurationProperties("placera.attachments")
public record AttachmentsProperties(@DefaultValue("20971520") long maxBytes, String spoolDir) {
}
