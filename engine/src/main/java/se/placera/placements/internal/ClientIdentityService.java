package se.placera.placements.internal;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.placements.ClientIdentities;
import se.placera.placements.PersonalIdentityNumber;

@Service
class ClientIdentityService implements ClientIdentities {

    private final IdentityProtector identity;
    private final MongoTemplate mongo;

    ClientIdentityService(IdentityProtector identity, MongoTemplate mongo) {
        this.identity = identity;
        this.mongo = mongo;
    }

    @Override
    public String lookupHash(PersonalIdentityNumber number) {
        return identity.lookupHash(number.canonical());
    }

    @Override
    public String seal(PersonalIdentityNumber number) {
        return identity.encrypt(number.canonical());
    }

    @Override
    public List<String> caseIdsByHash(String lookupHash) {
        Query q = Query.query(Criteria.where("client.identityHash").is(lookupHash));
        q.fields().include("_id");
        return mongo.find(q, org.bson.Document.class, "cases").stream().map(d -> String.valueOf(d.get("_id"))).toList();
    }
}
