package se.placera.forms.rules;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A checked CEL expression compiled to a tree of Java nodes, for the shapes form rules are made of: literals, the
 * four variables, field and index access, {@code has()}, {@code == != < <= > >=}, {@code && || !}, the conditional,
 * {@code in}, list literals, {@code size}, {@code dyn}, {@code double} and the string tests {@code startsWith},
 * {@code endsWith} and {@code contains}. CEL stays the language and the reference: a rule with any other construct
 * (macros, arithmetic, other functions) gets no direct form, and a direct evaluation that meets anything it cannot
 * decide exactly as CEL would (an error of any kind, an int compared with a double, a map compared with a map, a value
 * of a type CEL would convert) gives up with {@link #FALLBACK}, after which the caller evaluates the CEL program.
 * So a direct result is always the CEL result; {@code DirectRuleEquivalenceTests} checks that on every standard
 * library rule and a set of edge cases against many generated contexts.
 *
 * <p>Why: the CEL interpreter walks the AST with reference and type lookups per node and costs microseconds per
 * rule; a form evaluation runs a hundred or more rules (one option filter per alternative), which made it most of
 * the form runtime's time (docs/performance.md).
 */
final class DirectRule {

    /** Thrown when a direct evaluation cannot be sure of CEL's answer; carries no stack. */
    static final class Fallback extends RuntimeException {

        private Fallback() {
            super("fall back to CEL", null, false, false);
        }
    }

    static final Fallback FALLBACK = new Fallback();

    /** One node of the compiled expression: evaluates to a CEL value in plain Java (null is CEL null). */
    @FunctionalInterface
    interface Node {
        Object eval(RuleContext context);
    }

    private final Node root;

    private DirectRule(Node root) {
        this.root = root;
    }

    /** The direct form of a checked expression, or null when it uses anything outside the supported shapes. */
    static DirectRule plan(CelExpr expr) {
        try {
            return new DirectRule(node(expr));
        } catch (Unsupported e) {
            return null;
        }
    }

    /** Evaluates; throws {@link #FALLBACK} when CEL must decide. Results are CEL values before {@code fromCel}. */
    Object evaluate(RuleContext context) {
        return root.eval(context);
    }

    // ------------------------------------------------------------------------------------------------- planning

    private static final class Unsupported extends RuntimeException {

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static Node node(CelExpr expr) {
        return switch (expr.getKind()) {
            case CONSTANT -> constant(expr.constant());
            case IDENT -> ident(expr.ident().name());
            case SELECT -> select(node(expr.select().operand()), expr.select().field(), expr.select().testOnly());
            case CALL -> call(expr.call());
            case LIST -> list(expr.list());
            default -> throw new Unsupported();
        };
    }

    private static Node constant(CelConstant constant) {
        Object value = switch (constant.getKind()) {
            case NULL_VALUE -> null;
            case BOOLEAN_VALUE -> constant.booleanValue();
            case INT64_VALUE -> constant.int64Value();
            case DOUBLE_VALUE -> constant.doubleValue();
            case STRING_VALUE -> constant.stringValue();
            default -> throw new Unsupported();
        };
        return context -> value;
    }

    private static Node ident(String name) {
        return switch (name) {
            case RuleCompiler.ANSWERS -> RuleContext::answers;
            case RuleCompiler.USER -> RuleContext::user;
            case RuleCompiler.SUBJECT -> RuleContext::subject;
            case RuleCompiler.ITEM -> RuleContext::item;
            default -> throw new Unsupported();
        };
    }

    private static Node select(Node operand, String name, boolean testOnly) {
        String field = name.intern(); // keys of method and JSON maps are interned too: equal keys are the same object
        if (testOnly) {
            return context -> hasKey(asMap(operand.eval(context)), field);
        }
        return context -> entry(asMap(operand.eval(context)), field);
    }

    private static Node list(CelExpr.CelList list) {
        if (!list.optionalIndices().isEmpty()) {
            throw new Unsupported();
        }
        Node[] elements = list.elements().stream().map(DirectRule::node).toArray(Node[]::new);
        return context -> {
            List<Object> values = new ArrayList<>(elements.length);
            for (Node element : elements) {
                values.add(element.eval(context));
            }
            return values;
        };
    }

    private static Node call(CelCall call) {
        String function = call.function();
        List<Node> args = new ArrayList<>();
        call.target().ifPresent(target -> args.add(node(target)));
        for (CelExpr arg : call.args()) {
            args.add(node(arg));
        }
        boolean member = call.target().isPresent();
        return switch (args.size()) {
            case 1 -> unary(function, member, args.get(0));
            case 2 -> binary(function, member, args.get(0), args.get(1));
            case 3 -> {
                if (!member && function.equals("_?_:_")) {
                    Node condition = args.get(0);
                    Node then = args.get(1);
                    Node otherwise = args.get(2);
                    yield context -> asBool(condition.eval(context)) ? then.eval(context) : otherwise.eval(context);
                }
                throw new Unsupported();
            }
            default -> throw new Unsupported();
        };
    }

    private static Node unary(String function, boolean member, Node a) {
        return switch (function) {
            case "!_" -> context -> !asBool(a.eval(context));
            case "dyn" -> a;
            case "double" -> context -> {
                Object v = a.eval(context);
                if (v instanceof Double) {
                    return v;
                }
                if (v instanceof Long l) {
                    return (double) l;
                }
                throw FALLBACK;
            };
            case "size" -> context -> switch (a.eval(context)) {
                case String s -> (long) s.codePointCount(0, s.length());
                case List<?> l -> (long) l.size();
                case Map<?, ?> m -> (long) m.size();
                case null, default -> throw FALLBACK;
            };
            default -> throw new Unsupported();
        };
    }

    private static Node binary(String function, boolean member, Node a, Node b) {
        if (member) {
            return switch (function) {
                case "startsWith" -> context -> asString(a.eval(context)).startsWith(asString(b.eval(context)));
                case "endsWith" -> context -> asString(a.eval(context)).endsWith(asString(b.eval(context)));
                case "contains" -> context -> asString(a.eval(context)).contains(asString(b.eval(context)));
                default -> throw new Unsupported();
            };
        }
        return switch (function) {
            case "_&&_" -> context -> asBool(a.eval(context)) && asBool(b.eval(context));
            case "_||_" -> context -> asBool(a.eval(context)) || asBool(b.eval(context));
            case "_==_" -> context -> equal(a.eval(context), b.eval(context));
            case "_!=_" -> context -> !equal(a.eval(context), b.eval(context));
            case "_<_" -> context -> compare(a.eval(context), b.eval(context)) < 0;
            case "_<=_" -> context -> compare(a.eval(context), b.eval(context)) <= 0;
            case "_>_" -> context -> compare(a.eval(context), b.eval(context)) > 0;
            case "_>=_" -> context -> compare(a.eval(context), b.eval(context)) >= 0;
            case "@in" -> context -> in(a.eval(context), b.eval(context));
            case "_[_]" -> context -> index(a.eval(context), b.eval(context));
            default -> throw new Unsupported();
        };
    }

    // ------------------------------------------------------------------------------------------------ semantics

    /**
     * A value read from a map or list as CEL would see it after {@code CelValues.toCel}: the same object for
     * String, Boolean, Long, Double, List and Map (elements are looked at when used), a long for the small integral
     * types, null for null; anything CEL would convert otherwise (big numbers, floats, dates, enums…) falls back.
     */
    static Object cel(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Double d -> d;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case List<?> l -> l;
            case Map<?, ?> m -> m;
            default -> throw FALLBACK;
        };
    }

    private static Map<?, ?> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw FALLBACK;
    }

    private static boolean asBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw FALLBACK;
    }

    private static String asString(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw FALLBACK;
    }

    /** {@code m.field} and {@code m['field']}: the entry, or CEL's "no such key" error (so: fall back). */
    private static Object entry(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null && !map.containsKey(key)) {
            throw FALLBACK;
        }
        return cel(value);
    }

    private static Object index(Object container, Object key) {
        if (container instanceof Map<?, ?> map && key instanceof String s) {
            return entry(map, s);
        }
        if (container instanceof List<?> list && key instanceof Long i && i >= 0 && i < list.size()) {
            return cel(list.get(i.intValue()));
        }
        throw FALLBACK;
    }

    /** CEL equality for the values rules meet; an int against a double or a map against a map falls back. */
    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a instanceof String x) {
            return b instanceof String && x.equals(b);
        }
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            if (b instanceof Double) {
                throw FALLBACK;
            }
            return false;
        }
        if (a instanceof Double x) {
            if (b instanceof Double y) {
                if (x.isNaN() || y.isNaN() || x == 0.0 || y == 0.0) {
                    throw FALLBACK; // CEL's NaN and signed-zero equality are its own
                }
                return x.doubleValue() == y.doubleValue();
            }
            if (b instanceof Long) {
                throw FALLBACK;
            }
            return false;
        }
        if (a instanceof Boolean x) {
            return b instanceof Boolean && x.equals(b);
        }
        if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y)) {
                return false;
            }
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(cel(x.get(i)), cel(y.get(i)))) {
                    return false;
                }
            }
            return true;
        }
        throw FALLBACK;
    }

    /** The ordering of two values of the same type (int, double, string, bool); anything else falls back. */
    private static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y && !x.isNaN() && !y.isNaN()) {
            return Double.compare(x + 0.0, y + 0.0);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw FALLBACK;
    }

    private static boolean in(Object element, Object container) {
        if (container instanceof List<?> list) {
            for (int i = 0, n = list.size(); i < n; i++) {
                if (equal(element, cel(list.get(i)))) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> map && element instanceof String key) {
            return hasKey(map, key);
        }
        throw FALLBACK;
    }

    /**
     * Whether a map has a key, as CEL sees the map: its keys converted to strings or numbers. Found is found; not
     * found is only certain when every key is a string, which maps from JSON and the form's variables always are.
     */
    private static boolean hasKey(Map<?, ?> map, String key) {
        if (map.containsKey(key)) {
            return true;
        }
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                throw FALLBACK;
            }
        }
        return false;
    }
}
