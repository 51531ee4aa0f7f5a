package se.placera.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import se.placera.security.IdentityTestBase;

/** Mail goes through the outbox in the database to SMTP, and is marked sent. */
class MailOutboxIntegrationTests extends IdentityTestBase {

    @Autowired
    MongoTemplate mongo;

    @Test
    void anInvitationIsStoredThenSentAndMarkedSent() {
        String username = unique("post");
        createUser(username, "exempelkommun-sof", Map.of("REPORTS", "READ"));
        String to = username + "@exempelkommun.se";
        assertThat(awaitMail(to, "Välkommen")).contains(username);
        Query q = Query.query(Criteria.where("to").is(to).and("kind").is("invitation"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            var doc = mongo.findOne(q, org.bson.Document.class, "mail_outbox");
            status = doc == null ? null : doc.getString("status");
            if ("SENT".equals(status)) {
                break;
            }
            Thread.onSpinWait();
        }
        assertThat(status).isEqualTo("SENT");
    }
}
