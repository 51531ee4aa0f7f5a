package se.placera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * springdoc names a schema by the class's simple name, so two API types with the same simple name (two nested
 * {@code Decision} records, say) silently become one schema in the OpenAPI document and the generated front-end
 * types. Every type the controllers take or give must have a simple name of its own.
 */
class OpenApiSchemaNamesTests {

    @Test
    void everyApiTypeHasASimpleNameOfItsOwn() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (JavaClass controller : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("se.placera")) {
            if (!controller.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (Method m : controller.reflect().getDeclaredMethods()) {
                walk(m.getGenericReturnType(), seen, byName);
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(RequestBody.class)) {
                        walk(p.getParameterizedType(), seen, byName);
                    }
                }
            }
        }
        assertThat(seen).as("API types found").isNotEmpty();
        var clashes = new TreeMap<String, Set<String>>();
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes).as("API types that springdoc would merge into one schema (rename one of each)").isEmpty();
    }

    record Holder(java.util.List<One.Same> ones, Two.Same two) {
    }

    static final class One {
        record Same(String a) {
        }
    }

    static final class Two {
        record Same(int b) {
        }
    }

    /** The walk finds a clash hidden in a list inside a record (the rule above would go red on it). */
    @Test
    void theWalkSeesAClashInsideATypeArgument() {
        Map<String, Set<String>> byName = new TreeMap<>();
        walk(Holder.class, new HashSet<>(), byName);
        assertThat(byName.get("Same")).hasSize(2);
    }

    /** The given type and what it is made of (record components, type arguments), ours only. */
    static void walk(Type type, Set<Class<?>> seen, Map<String, Set<String>> byName) {
        if (type instanceof ParameterizedType p) {
            walk(p.getRawType(), seen, byName);
            for (Type a : p.getActualTypeArguments()) {
                walk(a, seen, byName);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                walk(b, seen, byName);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                walk(c.getComponentType(), seen, byName);
                return;
            }
            // Enums are inlined in the document (no schema of their own), so only other types can clash.
            if (!c.getName().startsWith("se.placera.") || c.isEnum() || !seen.add(c)) {
                return;
            }
            byName.computeIfAbsent(c.getSimpleName(), k -> new TreeSet<>()).add(c.getName());
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    walk(rc.getGenericType(), seen, byName);
                }
            }
        }
    }
}
