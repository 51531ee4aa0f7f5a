package se.placera.forms.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.CodeUsage;
import se.placera.metadata.Definition;
import se.placera.metadata.Metadata;

/**
 * Where methods and responses hold values of a codelist: a method's {@code targetGroup} (codelist
 * {@code malgrupper}) and the rules that compare an answer from the codelist with a value (a quoted literal in a
 * CEL expression); a response's answer to a question whose alternatives come from the codelist.
 */
@Component
class FormsCodeUsage implements CodeUsage {

    static final String TARGET_GROUPS = "malgrupper";
    static final String METHOD = "method";

    private final ObjectProvider<Metadata> metadata;
    private final MongoTemplate mongo;

    FormsCodeUsage(ObjectProvider<Metadata> metadata, MongoTemplate mongo) {
        this.metadata = metadata;
        this.mongo = mongo;
    }

    @Override
    public List<Use> uses(String codelist, Collection<String> values) {
        List<Use> uses = new ArrayList<>();
        Metadata store = metadata.getObject();
        for (Definition latest : store.list(METHOD)) {
            methodUses(latest, codelist, values, uses);
            for (Definition version : store.versions(METHOD, latest.id())) {
                responseUses(version, codelist, values, uses);
            }
        }
        return uses.size() > LIMIT ? List.copyOf(uses.subList(0, LIMIT)) : uses;
    }

    private static void methodUses(Definition method, String codelist, Collection<String> values, List<Use> uses) {
        JsonNode content = method.content();
        String title = content.path("title").asString(method.id());
        if (TARGET_GROUPS.equals(codelist) && values.contains(content.path("targetGroup").asString(""))) {
            uses.add(new Use(content.path("targetGroup").asString(), "method", method.id(), title, "/targetGroup"));
        }
        if (questionsFrom(content, codelist).isEmpty()) {
            return;
        }
        // A rule names a value as a quoted literal; any rule may compare any earlier answer.
        for (String value : values) {
            String pointer = quoted(content, "", value);
            if (pointer != null) {
                uses.add(new Use(value, "method", method.id(), title, pointer));
            }
        }
    }

    private void responseUses(Definition version, String codelist, Collection<String> values, List<Use> uses) {
        String title = version.content().path("title").asString(version.id());
        for (String question : questionsFrom(version.content(), codelist)) {
            for (String value : values) {
                Query q = Query.query(Criteria.where("methodId").is(version.id()).and("methodVersion")
                        .is(version.version()).and("answers." + question).is(value)).limit(LIMIT);
                q.fields().include("_id");
                mongo.find(q, ResponseDocument.class).forEach(r ->
                        uses.add(new Use(value, "response", r.id, title, "/answers/" + question)));
            }
        }
    }

    /** The ids of the questions whose alternatives come from the codelist. */
    private static List<String> questionsFrom(JsonNode method, String codelist) {
        List<String> ids = new ArrayList<>();
        for (JsonNode area : method.path("areas")) {
            for (JsonNode q : area.path("questions")) {
                if (codelist.equals(q.path("options").path("codelist").asString(null))) {
                    ids.add(q.path("id").asString());
                }
            }
        }
        return ids;
    }

    /** The pointer of the first string under a rule-bearing node that quotes the value, or null. */
    private static String quoted(JsonNode node, String at, String value) {
        if (node.isString()) {
            String s = node.asString();
            return s.contains("'" + value + "'") || s.contains("\"" + value + "\"") ? at : null;
        }
        if (node.isObject()) {
            for (var e : node.properties()) {
                if (List.of("title", "text", "help", "heading", "description", "label").contains(e.getKey())) {
                    continue;
                }
                String found = quoted(e.getValue(), at + "/" + e.getKey(), value);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = quoted(node.get(i), at + "/" + i, value);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
