package se.placera.users.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.placera.users.UsersProperties;
import se.placera.users.UsersProperties.Administration;
import se.placera.users.UsersProperties.Municipality;

/** The configured municipalities and administrations, and who may see whose data (GD-1). */
@Component
public class Organisation {

    public record Placed(Municipality municipality, Administration administration) {
    }

    private final UsersProperties props;
    private final Map<String, Placed> byId = new LinkedHashMap<>();

    Organisation(UsersProperties props) {
        this.props = props;
        for (Municipality m : props.municipalities()) {
            for (Administration a : m.administrations()) {
                if (byId.put(a.id(), new Placed(m, a)) != null) {
                    throw new IllegalStateException("Administration id '" + a.id() + "' is configured twice");
                }
            }
        }
    }

    public java.util.List<Municipality> municipalities() {
        return props.municipalities();
    }

    public Optional<Placed> administration(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The granted administrations plus every administration configured to share with one of them. */
    public Set<String> visibleFor(Collection<String> granted) {
        Set<String> visible = new LinkedHashSet<>(granted);
        for (Placed p : byId.values()) {
            if (p.administration().sharesWith().stream().anyMatch(granted::contains)) {
                visible.add(p.administration().id());
            }
        }
        return visible;
    }
}
