package se.placera.placements.internal;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import se.placera.forms.SubjectAccess;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;

/**
 * A case's documents go with the case (PA-9): a response filled in on a case may be read and continued by whoever
 * is involved in the case now — after a transfer, the new responsible caseworker, and no longer the previous one
 * unless still involved otherwise — with the same checks as a case read (placement rights, administration in
 * scope, a relation to the case).
 */
@Component
class CaseResponsesAccess implements SubjectAccess {

    private final MongoTemplate mongo;
    private final CurrentUsers users;
    private final AccessScope scope;

    CaseResponsesAccess(MongoTemplate mongo, CurrentUsers users, AccessScope scope) {
        this.mongo = mongo;
        this.users = users;
        this.scope = scope;
    }

    @Override
    public String subjectType() {
        return "case";
    }

    @Override
    public boolean mayWorkOn(String caseId) {
        CurrentUser user = users.find().orElse(null);
        if (user == null || caseId == null || caseId.length() > 100 || !user.can(PlaceraModule.PLACEMENT,
                AccessLevel.READ)) {
            return false;
        }
        Query q = Query.query(Criteria.where("_id").is(caseId));
        q.fields().include("_id", "administration", "responsible", "coordinator");
        CaseDocument c = mongo.findOne(q, CaseDocument.class);
        return c != null && scope.canSee(c.administration) && !CaseService.relations(user, c).isEmpty();
    }
}
