package se.placera.providers.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/**
 * The register's records (providers, units, framework agreements) as sources of the {@link Outbox}: each write of
 * a record carries its audit entry in the record's own document (field {@code pending}, beside the record's
 * fields), so the change and its entry cannot part ways (issue #11, item 8). The records themselves are public
 * API records without the field; the outbox reads the documents through these views of the same collections.
 */
@Configuration(proxyBeanMethods = false)
class RegisterOutbox {

    /** The field that marks a record being removed with its audit entry (see {@code RegisterService#remove}). */
    static final String REMOVING = "removing";

    /** A removal to carry out once its audit entry has gone out. */
    record Removal(String collection, String id) {
    }

    /** The id and pending entries of a register document. */
    abstract static class Pending {
        @Id
        String id;
        List<PendingAudit> pending;
        Boolean removing;
    }

    @Document("register_providers")
    static final class OfProvider extends Pending {
    }

    @Document("register_units")
    static final class OfUnit extends Pending {
    }

    @Document("register_framework_agreements")
    static final class OfAgreement extends Pending {
    }

    /** The outbox's view of one register collection. */
    static final class Source<D extends Pending> extends Outbox.Of<D> {

        private final String collection;

        Source(Class<D> type) {
            super(type, d -> d.id, d -> d.pending);
            this.collection = type.getAnnotation(Document.class).value();
        }

        /** A record marked {@code removing} is removed when the entry of its removal has gone out. */
        @Override
        public List<Object> followUps(D document, PendingAudit entry) {
            return Boolean.TRUE.equals(document.removing) && entry.audited().action().endsWith("-undo")
                    ? List.of(new Removal(collection, document.id)) : List.of();
        }
    }

    @Bean
    Source<OfProvider> providerOutbox() {
        return new Source<>(OfProvider.class);
    }

    @Bean
    Source<OfUnit> unitOutbox() {
        return new Source<>(OfUnit.class);
    }

    @Bean
    Source<OfAgreement> agreementOutbox() {
        return new Source<>(OfAgreement.class);
    }
}
