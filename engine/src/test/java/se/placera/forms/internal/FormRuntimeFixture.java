package se.placera.forms.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleLimits;
import se.placera.metadata.Metadata;

/**
 * The form runtime wired by hand, without Spring: rule compiler, method compiler, option resolver (static options
 * only, so no metadata store) and engine, with the {@link GeneratedMethod} compiled. Shared by the benchmark and
 * its fixture test.
 */
final class FormRuntimeFixture {

    final JsonMapper mapper = JsonMapper.builder().build();
    final GeneratedMethod generated;
    final MethodCompiler.Result compiled;
    final CompiledMethod method;
    final FormEngine engine;
    /** The answers as the web layer hands them to the engine. */
    final Map<String, Object> answers;
    /** The same answers document as a tree, for the raw schema validation. */
    final JsonNode answersNode;
    final Map<String, Object> presets = Map.of();

    FormRuntimeFixture() {
        this(true);
    }

    /** @param directEvaluation false to evaluate every rule with the CEL interpreter only (the comparison run) */
    FormRuntimeFixture(boolean directEvaluation) {
        this(directEvaluation, GeneratedMethod.QUESTIONS);
    }

    /** @param questions the size of the generated method ({@link GeneratedMethod#generate(JsonMapper, int)}) */
    FormRuntimeFixture(boolean directEvaluation, int questions) {
        generated = GeneratedMethod.generate(mapper, questions);
        MethodCompiler compiler = new MethodCompiler(new RuleCompiler(RuleLimits.DEFAULTS, directEvaluation), mapper);
        JsonNode content = mapper.readTree(generated.methodJson());
        compiled = compiler.compile(content, 1, new MethodCompiler.References() {
            @Override
            public boolean codelistExists(String id) {
                return false;
            }

            @Override
            public boolean optionSourceExists(String id) {
                return false;
            }
        });
        method = compiled.method();
        engine = new FormEngine(new OptionResolver(noMetadataStore(), mapper, List.of()), mapper);
        answers = generated.answersMap();
        answersNode = mapper.readTree(generated.answersJson());
    }

    FormEngine.Evaluation evaluate() {
        return engine.evaluate(method, answers, presets, generated.user, generated.subject);
    }

    /** The generated method uses static options only; any call to the store is a fixture error. */
    private static Metadata noMetadataStore() {
        return (Metadata) Proxy.newProxyInstance(Metadata.class.getClassLoader(), new Class<?>[] {Metadata.class},
                (proxy, m, args) -> {
                    throw new UnsupportedOperationException("No metadata store in the benchmark: " + m.getName());
                });
    }
}
