package se.placera.metadata;

import java.util.Collection;
import java.util.List;

/**
 * Where values of a codelist are in use, told by the modules that store them (the register's units, the forms'
 * methods and responses). The metadata store asks every bean of this type before it publishes a codelist version
 * that drops values, and refuses the version while a dropped value is used: the value is to be retired
 * ({@code active: false}) instead, so stored records keep a value the codelist still knows. Metadata depends on no
 * contributor; contributors implement this interface.
 */
public interface CodeUsage {

    /** At most this many uses are reported per contributor and codelist: enough to act on, small enough to read. */
    int LIMIT = 50;

    /**
     * The uses of the given values of a codelist, at most {@link #LIMIT}; values nobody uses are left out.
     *
     * @param codelist the codelist's id, e.g. {@code malgrupper}
     * @param values   the values to look for (those a new version would drop)
     */
    List<Use> uses(String codelist, Collection<String> values);

    /**
     * One use of a value.
     *
     * @param value the codelist value
     * @param kind  what uses it: {@code unit}, {@code framework-agreement}, {@code method}, {@code response}
     * @param id    the id of the record or definition
     * @param name  its name or title, for people
     * @param field the field that holds the value, as a JSON pointer into the record ({@code /targetGroups})
     */
    record Use(String value, String kind, String id, String name, String field) {
    }
}
