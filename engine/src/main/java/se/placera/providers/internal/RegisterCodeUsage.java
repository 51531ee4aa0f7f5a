package se.placera.providers.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import se.placera.metadata.CodeUsage;
import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Register;
import se.placera.providers.Unit;

/** Where the register's units and framework agreements hold values of the standard codelists. */
@Component
class RegisterCodeUsage implements CodeUsage {

    /** The coded fields of a unit by codelist: the field's pointer and how to read it. */
    private static final Map<String, Map<String, Function<Unit, List<String>>>> UNIT_FIELDS = Map.of(
            Codelists.TARGET_GROUPS, Map.of("/targetGroups", Unit::targetGroups),
            Codelists.PLACEMENT_FORMS, Map.of("/placementForms", Unit::placementForms,
                    "/ivoPermit/scope", u -> u.ivoPermit() == null ? List.of() : u.ivoPermit().scope()),
            Codelists.LEGAL_BASES, Map.of("/legalBases", Unit::legalBases),
            Codelists.GENDERS, Map.of("/genders", Unit::genders),
            Codelists.NEEDS, Map.of("/needs", Unit::needs));

    private final Register register;

    RegisterCodeUsage(Register register) {
        this.register = register;
    }

    @Override
    public List<Use> uses(String codelist, Collection<String> values) {
        List<Use> uses = new ArrayList<>();
        Map<String, Function<Unit, List<String>>> fields = UNIT_FIELDS.getOrDefault(codelist, Map.of());
        List<Unit> units = register.units().stream().sorted(Comparator.comparing(Unit::id)).toList();
        for (Unit u : units) {
            fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> f.getValue().apply(u).stream()
                    .filter(values::contains).distinct()
                    .forEach(v -> uses.add(new Use(v, "unit", u.id(), u.name(), f.getKey()))));
        }
        if (Codelists.PLACEMENT_FORMS.equals(codelist)) {
            for (FrameworkAgreement a : register.frameworkAgreements()) {
                a.placementForms().stream().filter(values::contains).distinct()
                        .forEach(v -> uses.add(new Use(v, "framework-agreement", a.id(), a.name(), "/placementForms")));
            }
        }
        return uses.size() > LIMIT ? List.copyOf(uses.subList(0, LIMIT)) : uses;
    }
}
