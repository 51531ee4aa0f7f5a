package se.placera.forms.rules;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts plain Java values to the values CEL expects, and CEL results back to plain Java. */
final class CelValues {

    private CelValues() {
    }

    /** Integral numbers become Long, other numbers Double, null CEL null; dates become ISO-8601 strings. */
    static Object toCel(Object value) {
        return switch (value) {
            case null -> NullValue.NULL_VALUE;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Double d -> d;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case BigInteger i -> i.bitLength() < Long.SIZE ? (Object) i.longValue() : (Object) i.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case Number n -> n.doubleValue();
            case Map<?, ?> map -> isCel(map) ? map : toCelMap(map);
            case List<?> list when isCel(list) -> list;
            case Collection<?> collection -> toCelList(collection);
            case Object[] array -> toCelList(Arrays.asList(array));
            case Enum<?> e -> e.name();
            case Date date -> date.toInstant().toString();
            default -> value.toString();
        };
    }

    /**
     * Whether a value is already what {@link #toCel} would make of it (String, Boolean, Long, Double, and lists and
     * string-keyed maps of those), so it can be bound as it is instead of copied: CEL only reads it. Option items and
     * most user and subject maps are, and copying them for every rule evaluation was a large part of the cost.
     */
    private static boolean isCel(Object value) {
        return switch (value) {
            case String s -> true;
            case Boolean b -> true;
            case Long l -> true;
            case Double d -> true;
            case Map<?, ?> map -> isCel(map);
            case List<?> list -> isCel(list);
            case null, default -> false;
        };
    }

    private static boolean isCel(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String) || !isCel(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCel(List<?> list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            if (!isCel(list.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<Object, Object> toCelMap(Map<?, ?> map) {
        Map<Object, Object> converted = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((key, value) -> converted.put(toCelKey(key), toCel(value)));
        return converted;
    }

    private static Object toCelKey(Object key) {
        return key instanceof Number || key instanceof Boolean ? toCel(key) : String.valueOf(key);
    }

    private static List<Object> toCelList(Collection<?> collection) {
        List<Object> converted = new ArrayList<>(collection.size());
        for (Object element : collection) {
            converted.add(toCel(element));
        }
        return converted;
    }

    /** Results become Long, Double, String, Boolean, List, Map or null; anything else is an {@link UnsupportedResult}. */
    static Object fromCel(Object value) {
        return switch (value) {
            case null -> null;
            case NullValue ignored -> null;
            case com.google.protobuf.NullValue ignored -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Double d -> d;
            case Integer i -> i.longValue();
            case Float f -> f.doubleValue();
            case UnsignedLong u -> u.compareTo(UnsignedLong.valueOf(Long.MAX_VALUE)) <= 0
                    ? (Object) u.longValue() : (Object) u.doubleValue();
            case Instant instant -> instant.toString();
            case Duration duration -> duration.toString();
            case Map<?, ?> map -> fromCelMap(map);
            case List<?> list -> fromCelList(list);
            default -> throw new UnsupportedResult(value);
        };
    }

    private static Map<Object, Object> fromCelMap(Map<?, ?> map) {
        Map<Object, Object> converted = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((key, value) -> converted.put(fromCel(key), fromCel(value)));
        return Collections.unmodifiableMap(converted);
    }

    private static List<Object> fromCelList(List<?> list) {
        List<Object> converted = new ArrayList<>(list.size());
        for (Object element : list) {
            converted.add(fromCel(element));
        }
        return Collections.unmodifiableList(converted);
    }

    /** A CEL result with no plain Java counterpart (bytes, type values, unknowns, messages). */
    static final class UnsupportedResult extends RuntimeException {

        UnsupportedResult(Object value) {
            super("Unsupported rule result of type " + value.getClass().getSimpleName() + ": " + value);
        }
    }
}
