package se.placera.security;

import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The one place that decides which administrations' data the current user may see (GD-1). Every store of
 * client or case data tags each record with the administration it belongs to ({@link #homeAdministration()}
 * when created) and adds {@link #restrict(Query, String)} to every load and list. A record outside the scope
 * is reported as missing (404), so its existence does not leak.
 */
public interface AccessScope {

    /** Ids of the administrations the current user may see; empty without a signed-in user. */
    Set<String> visibleAdministrations();

    /** The administration new records of the current user belong to. */
    String homeAdministration();

    /** Whether a record of this administration is visible to the current user. */
    default boolean canSee(String administration) {
        return administration != null && visibleAdministrations().contains(administration);
    }

    /** A criterion on {@code field} that admits only visible administrations (none without a user). */
    default Criteria criteria(String field) {
        return Criteria.where(field).in(visibleAdministrations());
    }

    /** Adds {@link #criteria(String)} to a query and returns it. */
    default Query restrict(Query query, String field) {
        return query.addCriteria(criteria(field));
    }
}
