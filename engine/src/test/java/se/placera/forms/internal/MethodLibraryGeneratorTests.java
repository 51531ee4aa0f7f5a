package se.placera.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.forms.FormProblemCodes;
import se.placera.forms.Option;
import se.placera.forms.OptionSource;
import se.placera.forms.internal.CompiledMethod.Area;
import se.placera.forms.internal.CompiledMethod.Choice;
import se.placera.forms.internal.CompiledMethod.Question;
import se.placera.forms.internal.FormEngine.Evaluation;
import se.placera.forms.internal.FormEngine.QuestionOutcome;
import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleContext;
import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;

/**
 * A generator that proves every method of the standard library ({@code metadata/methods/*.json}, so a new file is
 * covered with no new test code) through the form runtime, wired by hand without Spring:
 * <ul>
 * <li>it generates answers that satisfy the method's rules (visibility, cascades, automatic answers, required
 * questions) and the submit check of the engine must pass;</li>
 * <li>it keeps generating variants (choices rotated, then random; subjects and users with and without the
 * attributes rules read; numbers from the literals rules compare against) until every {@code visibleWhen} of a
 * section or question has been both true and false, and fails naming the method and rule otherwise;</li>
 * <li>in complete answers it leaves out each required question once ({@code answer.required}) and answers each
 * alternative a cascade filters out ({@code answer.not-an-option}).</li>
 * </ul>
 */
class MethodLibraryGeneratorTests {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final Path LIBRARY = library();
    static final int MAX_VARIANTS = 400;
    static final Pattern NUMBER = Pattern.compile("(?<![\\w.'])(\\d+(?:\\.\\d+)?)(?![\\w'])");
    static final Pattern STRING = Pattern.compile("'([^'\\\\]*)'");
    static final Pattern SUBJECT_KEY = Pattern.compile("subject\\.([a-zA-Z_][a-zA-Z0-9_]*)");

    static Path library() {
        for (Path p : List.of(Path.of("..", "metadata"), Path.of("metadata"))) {
            if (Files.isDirectory(p.resolve("methods"))) {
                return p;
            }
        }
        throw new IllegalStateException("No metadata/methods folder found from " + Path.of("").toAbsolutePath());
    }

    static List<Path> methodFiles() throws IOException {
        try (Stream<Path> files = Files.list(LIBRARY.resolve("methods"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theLibraryHasAMethodFolder() throws IOException {
        assertThat(methodFiles()).hasSizeGreaterThanOrEqualTo(4);
    }

    /** The generator's own guards: a branch no answers reach, and a method no answers complete, fail the walk. */
    @Test
    void aBranchThatNoAnswersReachOrAMethodThatCannotBeCompletedFails(@TempDir Path dir) throws IOException {
        Path unreachable = dir.resolve("unreachable.json");
        Files.writeString(unreachable, """
                {"kind": "method", "id": "unreachable", "title": "U", "purpose": "survey", "areas": [
                  {"id": "a", "title": "A", "questions": [
                    {"id": "val", "text": "Val", "kind": "background", "answerType": "single", "required": true,
                     "options": {"static": [{"value": "ja", "label": "Ja"}, {"value": "nej", "label": "Nej"}]}},
                    {"id": "aldrig", "text": "Aldrig", "kind": "background", "answerType": "text",
                     "visibleWhen": "answers.val == 'kanske'"}
                  ]}]}
                """);
        assertThatThrownBy(() -> new Walk(unreachable).run()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("unreachable").hasMessageContaining("question 'aldrig' was never true");

        Path impossible = dir.resolve("impossible.json");
        Files.writeString(impossible, """
                {"kind": "method", "id": "impossible", "title": "I", "purpose": "survey", "areas": [
                  {"id": "a", "title": "A", "questions": [
                    {"id": "val", "text": "Val", "kind": "background", "answerType": "single", "required": true,
                     "options": {"static": [{"value": "ja", "label": "Ja"}]}, "optionFilter": "item.value == 'nej'"}
                  ]}]}
                """);
        assertThatThrownBy(() -> new Walk(impossible).run()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("impossible").hasMessageContaining("could not be completed")
                .hasMessageContaining("answer.required");
    }

    @TestFactory
    Stream<DynamicTest> everyMethodCanBeCompletedInEveryBranch() throws IOException {
        return methodFiles().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Report r = new Walk(f).run();
            System.out.println("[method generator] " + r);
        }));
    }

    /** What one walk did, printed for the record. */
    record Report(String method, int variants, int complete, int branches, int requiredChecks, int cascadeChecks) {
    }

    /** A fake option source for methods that name one: two units with the attributes the real one gives. */
    static final OptionSource PROVIDERS = new OptionSource() {
        @Override
        public String id() {
            return "providers";
        }

        @Override
        public List<Option> options(Map<String, Object> params, Map<String, Object> user, Map<String, Object> subject) {
            return List.of(new Option("enhet-1", "Enhet 1 (Utförare AB)", Map.of("providerId", "utforare-1",
                    "placementForms", List.of("hvb-barn-unga"), "targetGroups", List.of("barn-unga"))),
                    new Option("enhet-2", "Enhet 2 (Omsorg AB)", Map.of("providerId", "utforare-2",
                            "placementForms", List.of("stodboende-unga"), "targetGroups", List.of("barn-unga"))));
        }
    };

    /** Codelists served from {@code metadata/codelists}, as if published. */
    static Metadata codelistsFromFiles() {
        return (Metadata) Proxy.newProxyInstance(Metadata.class.getClassLoader(), new Class<?>[] {Metadata.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("latestPublished") && "codelist".equals(args[0])) {
                        return codelist((String) args[1]).map(c -> new Definition("codelist", (String) args[1], 1,
                                DefinitionStatus.PUBLISHED, c, null, null, null, null, null, null, null, null, null));
                    }
                    throw new UnsupportedOperationException("Not in the generator: " + m.getName());
                });
    }

    static Optional<JsonNode> codelist(String id) {
        Path f = LIBRARY.resolve("codelists").resolve(id + ".json");
        return Files.isRegularFile(f) ? Optional.of(MAPPER.readTree(f.toFile())) : Optional.empty();
    }

    /** Subject attributes the case gives, with the codelist their values come from. */
    static final Map<String, String> SUBJECT_CODELISTS = Map.of("targetGroup", "malgrupper", "placementForm",
            "placeringsformer", "legalBasis", "lagrum", "gender", "kon", "ageGroup", "aldersgrupper");

    static final class Walk {
        final Path file;
        final CompiledMethod method;
        final OptionResolver resolver = new OptionResolver(codelistsFromFiles(), MAPPER, List.of(PROVIDERS));
        final FormEngine engine = new FormEngine(resolver, MAPPER);
        /** visibleWhen rules: key → the rule, and which branches were taken. */
        final Map<String, CompiledRule> targets = new LinkedHashMap<>();
        final Map<String, Set<Boolean>> taken = new HashMap<>();
        final List<Double> numbers = new ArrayList<>();
        final Map<String, List<Object>> subjectValues = new LinkedHashMap<>();
        final Set<String> requiredChecked = new LinkedHashSet<>();
        final Set<String> cascadeChecked = new LinkedHashSet<>();

        Walk(Path file) {
            this.file = file;
            JsonNode content = MAPPER.readTree(file.toFile());
            MethodCompiler compiler = new MethodCompiler(new RuleCompiler(), MAPPER);
            MethodCompiler.Result result = compiler.compile(content, 1, new MethodCompiler.References() {
                @Override
                public boolean codelistExists(String id) {
                    return codelist(id).isPresent();
                }

                @Override
                public boolean optionSourceExists(String id) {
                    return PROVIDERS.id().equals(id);
                }
            });
            if (!result.problems().isEmpty()) {
                fail(file.getFileName() + " does not compile: " + result.problems());
            }
            method = result.method();
            Set<String> literals = new TreeSet<>();
            List<String> expressions = new ArrayList<>();
            for (Area a : method.areas()) {
                if (a.visibleWhen() != null) {
                    targets.put("section '" + a.id() + "'", a.visibleWhen());
                }
                for (Question q : a.questions()) {
                    if (q.visibleWhen() != null) {
                        targets.put("question '" + q.id() + "'", q.visibleWhen());
                    }
                    for (CompiledRule r : new CompiledRule[] {q.visibleWhen(), q.autoAnswer(), q.optionFilter()}) {
                        if (r != null) {
                            expressions.add(r.expression());
                        }
                    }
                }
                if (a.visibleWhen() != null) {
                    expressions.add(a.visibleWhen().expression());
                }
            }
            for (String e : expressions) {
                Matcher n = NUMBER.matcher(e);
                while (n.find()) {
                    double d = Double.parseDouble(n.group(1));
                    numbers.add(d);
                    numbers.add(d + 1);
                    numbers.add(Math.max(0, d - 1));
                }
                Matcher s = STRING.matcher(e);
                while (s.find()) {
                    literals.add(s.group(1));
                }
                Matcher k = SUBJECT_KEY.matcher(e);
                while (k.find()) {
                    subjectValues.computeIfAbsent(k.group(1), x -> new ArrayList<>());
                }
            }
            numbers.addAll(List.of(0.0, 1.0, 2.0, 3.0, 5.0, 10.0, 18.0, 50.0, 100.0));
            for (var e : subjectValues.entrySet()) {
                List<Object> values = e.getValue();
                String codelist = SUBJECT_CODELISTS.get(e.getKey());
                if (e.getKey().equals("targetGroup")) {
                    // A response is started for a case of the method's sector (a child's case for a child method).
                    values.addAll(targetGroupsOfSector(content.path("targetGroup").asString(null)));
                } else if (codelist != null) {
                    values.addAll(codelistValues(codelist));
                } else if (e.getKey().endsWith("Date") || e.getKey().equals("date")) {
                    values.add("2026-01-15");
                } else if (e.getKey().equals("age")) {
                    values.addAll(List.of(15L, 34L)); // a case's age is a number (the client's age in years)
                } else {
                    values.addAll(literals);
                }
                if (values.isEmpty()) {
                    values.add("exempel");
                }
            }
        }

        /** The values of a subject attribute whose codelist item lists the target group (or has no such list). */
        static List<Object> fitting(String key, List<Object> values, Object targetGroup) {
            String id = SUBJECT_CODELISTS.get(key);
            if (targetGroup == null || id == null) {
                return values;
            }
            List<Object> out = new ArrayList<>();
            codelist(id).ifPresent(c -> c.path("items").forEach(i -> {
                JsonNode groups = i.path("attributes").path("targetGroups");
                boolean fits = !groups.isArray();
                for (JsonNode g : groups) {
                    fits |= g.asString().equals(targetGroup);
                }
                if (fits && i.path("active").asBoolean(true)) {
                    out.add(i.path("value").asString());
                }
            }));
            return out;
        }

        static List<Object> targetGroupsOfSector(String methodTargetGroup) {
            List<Object> out = new ArrayList<>();
            JsonNode items = codelist("malgrupper").orElseThrow().path("items");
            String sector = null;
            for (JsonNode i : items) {
                if (i.path("value").asString().equals(methodTargetGroup)) {
                    sector = i.path("attributes").path("sector").asString(null);
                }
            }
            for (JsonNode i : items) {
                if (sector == null || sector.equals(i.path("attributes").path("sector").asString(null))) {
                    out.add(i.path("value").asString());
                }
            }
            return out;
        }

        static List<Object> codelistValues(String id) {
            List<Object> out = new ArrayList<>();
            codelist(id).ifPresent(c -> c.path("items").forEach(i -> out.add(i.path("value").asString())));
            return out;
        }

        String name() {
            return method.id() + " (" + file.getFileName() + ")";
        }

        Report run() {
            int complete = 0;
            int variant = 0;
            List<String> failures = new ArrayList<>();
            for (; variant < MAX_VARIANTS && (variant < 8 || !allTaken()); variant++) {
                Random rnd = new Random(31L * variant + method.id().hashCode());
                Map<String, Object> user = user(variant);
                Map<String, Object> subject = subject(variant, rnd);
                Map<String, Object> answers = fill(variant, rnd, user, subject);
                Evaluation e = engine.evaluate(method, answers, Map.of(), user, subject);
                record(e, user, subject);
                if (!e.errors().isEmpty()) {
                    failures.add("variant " + variant + ": " + e.errors() + " with answers " + answers + ", subject "
                            + subject);
                    continue;
                }
                complete++;
                checkRequired(e, answers, user, subject);
                checkCascades(e, answers, user, subject);
            }
            if (!failures.isEmpty()) {
                fail("Method " + name() + " could not be completed (" + failures.size() + " of " + variant
                        + " variants failed); first: " + failures.getFirst());
            }
            List<String> missing = new ArrayList<>();
            for (var t : targets.entrySet()) {
                Set<Boolean> b = taken.getOrDefault(t.getKey(), Set.of());
                for (boolean branch : new boolean[] {true, false}) {
                    if (!b.contains(branch)) {
                        missing.add("the rule visibleWhen `" + t.getValue().expression() + "` of the " + t.getKey()
                                + " was never " + branch);
                    }
                }
            }
            if (!missing.isEmpty()) {
                fail("Method " + name() + ": after " + variant + " generated variants, " + String.join("; ", missing));
            }
            return new Report(method.id(), variant, complete, targets.size() * 2, requiredChecked.size(),
                    cascadeChecked.size());
        }

        boolean allTaken() {
            for (String t : targets.keySet()) {
                if (taken.getOrDefault(t, Set.of()).size() < 2) {
                    return false;
                }
            }
            return true;
        }

        Map<String, Object> user(int variant) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("id", "u-1");
            u.put("username", "handlaggare");
            u.put("firstName", "Hanna");
            u.put("lastName", "Handläggare");
            u.put("name", "Hanna Handläggare");
            u.put("email", "hanna@example.se");
            u.put("roles", List.of("caseworker"));
            if (variant % 4 != 1) {
                u.put("jobRole", "Socialsekreterare");
                u.put("municipality", "Exempelkommun");
                u.put("administration", "Socialförvaltningen");
                u.put("team", "Placeringsgruppen");
            }
            return u;
        }

        Map<String, Object> subject(int variant, Random rnd) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", method.subjectType() == null ? "none" : method.subjectType());
            s.put("id", "s-" + variant);
            if (variant % 4 == 1) {
                return s;
            }
            // As a case would give them: a target group first, then values of codelists that fit it.
            Object targetGroup = null;
            if (subjectValues.containsKey("targetGroup") && (variant == 0 || rnd.nextInt(5) > 0)) {
                List<Object> groups = subjectValues.get("targetGroup");
                targetGroup = groups.get(variant == 0 ? 0 : rnd.nextInt(groups.size()));
                s.put("targetGroup", targetGroup);
            }
            for (var e : subjectValues.entrySet()) {
                if (e.getKey().equals("targetGroup") || (variant != 0 && rnd.nextInt(5) == 0)) {
                    continue;
                }
                List<Object> values = fitting(e.getKey(), e.getValue(), targetGroup);
                if (!values.isEmpty()) {
                    s.put(e.getKey(), values.get(variant == 0 ? 0 : rnd.nextInt(values.size())));
                }
            }
            return s;
        }

        /** Answers every visible question that is not answered automatically, until nothing changes. */
        Map<String, Object> fill(int variant, Random rnd, Map<String, Object> user, Map<String, Object> subject) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (int round = 0; round < 60; round++) {
                Evaluation e = engine.evaluate(method, answers, Map.of(), user, subject);
                record(e, user, subject);
                boolean changed = false;
                for (Question q : method.evaluationOrder()) {
                    QuestionOutcome o = e.outcomes().get(q.id());
                    if (!o.visible() || o.autoSource() != null) {
                        changed |= answers.remove(q.id()) != null;
                        continue;
                    }
                    Object current = answers.get(q.id());
                    if (current != null && fits(q, current, o.options())) {
                        continue;
                    }
                    if (current == null && skipOptional(q, variant)) {
                        continue;
                    }
                    Object v = pick(q, o.options(), variant, rnd);
                    if (v == null) {
                        changed |= answers.remove(q.id()) != null;
                    } else if (!v.equals(current)) {
                        answers.put(q.id(), v);
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            return answers;
        }

        static boolean skipOptional(Question q, int variant) {
            return !q.required() && variant % 3 == 2 && Math.floorMod(q.id().hashCode() + variant, 3) == 0;
        }

        static boolean fits(Question q, Object v, List<Option> options) {
            if (options == null) {
                return true;
            }
            if (v instanceof List<?> list) {
                return !list.isEmpty() && list.stream().allMatch(x -> options.stream().anyMatch(o -> o.value().equals(x)));
            }
            return options.stream().anyMatch(o -> o.value().equals(v));
        }

        Object pick(Question q, List<Option> options, int variant, Random rnd) {
            int rotate = variant < 24 ? variant + q.index() : rnd.nextInt(1000);
            if ("rating".equals(q.kind())) {
                if (q.allowNotApplicable() && rnd.nextInt(6) == 0) {
                    return FormProblemCodes.NOT_APPLICABLE;
                }
                if ("percent".equals(q.scale())) {
                    List<Integer> p = new ArrayList<>(List.of(0, 25, 50, 75, 100));
                    numbers.stream().filter(d -> d >= 0 && d <= 100).forEach(d -> p.add((int) Math.round(d)));
                    return p.get(Math.floorMod(rotate, p.size()));
                }
                return 1 + Math.floorMod(rotate, 5);
            }
            return switch (q.answerType()) {
                case "single" -> options == null || options.isEmpty() ? null
                        : options.get(Math.floorMod(rotate, options.size())).value();
                case "multiple" -> {
                    if (options == null || options.isEmpty()) {
                        yield null;
                    }
                    List<String> chosen = new ArrayList<>();
                    chosen.add(options.get(Math.floorMod(rotate, options.size())).value());
                    int more = rnd.nextInt(Math.min(3, options.size()));
                    for (int i = 0; i < more; i++) {
                        String v = options.get(rnd.nextInt(options.size())).value();
                        if (!chosen.contains(v)) {
                            chosen.add(v);
                        }
                    }
                    yield chosen;
                }
                case "number" -> {
                    double min = q.minimum() == null ? Double.NEGATIVE_INFINITY : q.minimum().doubleValue();
                    double max = q.maximum() == null ? Double.POSITIVE_INFINITY : q.maximum().doubleValue();
                    List<Double> fitting = numbers.stream().filter(d -> d >= min && d <= max).distinct().toList();
                    if (fitting.isEmpty()) {
                        yield q.minimum() != null ? q.minimum() : q.maximum();
                    }
                    double d = fitting.get(Math.floorMod(rotate, fitting.size()));
                    yield d == Math.rint(d) ? (Object) (long) d : (Object) d;
                }
                case "date" -> "2026-0" + (1 + Math.floorMod(rotate, 9)) + "-15";
                default -> {
                    String text = "Svar på " + q.id();
                    yield q.maxLength() != null && text.length() > q.maxLength() ? text.substring(0, q.maxLength())
                            : text;
                }
            };
        }

        /** Which branch every reachable visibleWhen took in this evaluation. */
        void record(Evaluation e, Map<String, Object> user, Map<String, Object> subject) {
            Map<String, Object> env = new HashMap<>();
            for (String id : method.questions().keySet()) {
                env.put(id, e.effective().get(id));
            }
            RuleContext context = new RuleContext(env, user, subject, null);
            for (Area a : method.areas()) {
                boolean shown = true;
                if (a.visibleWhen() != null) {
                    shown = a.visibleWhen().evaluate(context).isTrue();
                    taken.computeIfAbsent("section '" + a.id() + "'", k -> new LinkedHashSet<>()).add(shown);
                }
                if (!shown) {
                    continue;
                }
                for (Question q : a.questions()) {
                    if (q.visibleWhen() != null) {
                        taken.computeIfAbsent("question '" + q.id() + "'", k -> new LinkedHashSet<>())
                                .add(e.outcomes().get(q.id()).visible());
                    }
                }
            }
        }

        void checkRequired(Evaluation complete, Map<String, Object> answers, Map<String, Object> user,
                Map<String, Object> subject) {
            for (QuestionOutcome o : complete.outcomes().values()) {
                Question q = o.question();
                if (!o.visible() || !q.required() || o.autoSource() != null || requiredChecked.contains(q.id())) {
                    continue;
                }
                Map<String, Object> without = new LinkedHashMap<>(answers);
                without.remove(q.id());
                Evaluation e = engine.evaluate(method, without, Map.of(), user, subject);
                assertThat(e.errors()).as("%s: leaving out the required question '%s'", name(), q.id())
                        .anySatisfy(p -> {
                            assertThat(p.pointer()).isEqualTo("/answers/" + q.id());
                            assertThat(p.code()).isEqualTo(FormProblemCodes.REQUIRED);
                        });
                requiredChecked.add(q.id());
            }
        }

        void checkCascades(Evaluation complete, Map<String, Object> answers, Map<String, Object> user,
                Map<String, Object> subject) {
            for (QuestionOutcome o : complete.outcomes().values()) {
                Question q = o.question();
                if (!o.visible() || q.optionFilter() == null || o.autoSource() != null) {
                    continue;
                }
                for (Choice c : resolver.choices(q.options(), user, subject)) {
                    String value = c.option().value();
                    String key = q.id() + "=" + value;
                    if (cascadeChecked.contains(key) || o.options().stream().anyMatch(x -> x.value().equals(value))) {
                        continue;
                    }
                    Map<String, Object> outside = new LinkedHashMap<>(answers);
                    outside.put(q.id(), q.isMultiple() ? List.of(value) : value);
                    Evaluation e = engine.evaluate(method, outside, Map.of(), user, subject);
                    String pointer = "/answers/" + q.id() + (q.isMultiple() ? "/0" : "");
                    assertThat(e.errors()).as("%s: '%s' outside the cascade of '%s' (%s) with answers %s", name(),
                            value, q.id(), q.optionFilter().expression(), answers)
                            .anySatisfy(p -> {
                                assertThat(p.pointer()).isEqualTo(pointer);
                                assertThat(p.code()).isEqualTo(FormProblemCodes.NOT_AN_OPTION);
                            });
                    cascadeChecked.add(key);
                }
            }
        }
    }
}
