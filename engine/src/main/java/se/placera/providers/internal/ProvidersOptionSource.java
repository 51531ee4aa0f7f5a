package se.placera.providers.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.placera.forms.Option;
import se.placera.forms.OptionSource;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.providers.Unit;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.SwedishOrder;
import se.placera.shared.SwedishTime;

/**
 * FM-8: the option source {@code providers}: units of the register as answer alternatives, read live so a unit
 * added a moment ago is offered at once. Params (all optional): {@code placementForm}, {@code targetGroup},
 * {@code tenderArea}, {@code providerId}, {@code frameworkAgreement}, {@code regi}, {@code activeOnly} (default true).
 * A string param {@code "subject.<name>"} or {@code "user.<name>"} takes its value from the response's subject or
 * the user. Value: the unit id; label: unit, provider and locality. The units and their prices are the register's:
 * only a user with REGISTER READ gets them (others get no alternatives), as through {@code /api/register}.
 */
@Component
class ProvidersOptionSource implements OptionSource {

    private final Register register;
    private final CurrentUsers users;

    private final Clock clock;

    ProvidersOptionSource(Register register, CurrentUsers users, Clock clock) {
        this.register = register;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "providers";
    }

    @Override
    public String title() {
        return "Verksamheter i utförarregistret";
    }

    @Override
    public List<Option> options(Map<String, Object> params, Map<String, Object> user, Map<String, Object> subject) {
        if (!users.find().map(u -> u.can(PlaceraModule.REGISTER, AccessLevel.READ)).orElse(false)) {
            return List.of();
        }
        Map<String, Object> p = params == null ? Map.of() : params;
        String placementForm = param(p, "placementForm", user, subject);
        String targetGroup = param(p, "targetGroup", user, subject);
        String tenderArea = param(p, "tenderArea", user, subject);
        String providerId = param(p, "providerId", user, subject);
        String framework = param(p, "frameworkAgreement", user, subject);
        String regi = param(p, "regi", user, subject);
        boolean activeOnly = !"false".equals(String.valueOf(p.getOrDefault("activeOnly", "true")));
        LocalDate today = SwedishTime.today(clock);
        Collection<Unit> units = register.units();
        return units.stream()
                .filter(u -> !activeOnly || u.isActive())
                .filter(u -> placementForm == null || u.placementForms().contains(placementForm))
                .filter(u -> targetGroup == null || u.targetGroups().contains(targetGroup))
                .filter(u -> tenderArea == null || tenderArea.equals(u.tenderArea()))
                .filter(u -> providerId == null || providerId.equals(u.providerId()))
                .filter(u -> framework == null || (u.agreement() != null
                        && framework.equals(u.agreement().frameworkAgreementId())))
                .map(u -> new Object[] {u, register.provider(new ProviderId(u.providerId())).orElse(null)})
                .filter(x -> x[1] != null && (!activeOnly || ((Provider) x[1]).isActive())
                        && (regi == null || regi.equals(((Provider) x[1]).regi())))
                .sorted(Comparator.comparing(x -> ((Unit) x[0]).name(), SwedishOrder.NAMES))
                .map(x -> option((Unit) x[0], (Provider) x[1], today))
                .toList();
    }

    private static Option option(Unit u, Provider p, LocalDate today) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("providerId", p.id());
        attributes.put("providerName", p.name());
        attributes.put("regi", p.regi());
        attributes.put("municipality", u.municipality());
        attributes.put("locality", u.locality());
        attributes.put("tenderArea", u.tenderArea());
        attributes.put("placementForms", u.placementForms());
        attributes.put("targetGroups", u.targetGroups());
        attributes.put("agreementType", u.agreement() == null ? null : u.agreement().type());
        attributes.put("frameworkAgreement", u.agreement() == null ? null : u.agreement().frameworkAgreementId());
        attributes.put("pricePerDay", u.priceOn(today).map(Unit.Price::comparablePerDay).orElse(null));
        attributes.put("vacancies", u.vacancies());
        attributes.put("active", u.isActive());
        String place = u.locality() != null ? u.locality() : u.municipality();
        String label = u.name() + " (" + p.name() + ")" + (place == null ? "" : ", " + place);
        return new Option(u.id(), label, attributes);
    }

    private static String param(Map<String, Object> params, String name, Map<String, Object> user,
            Map<String, Object> subject) {
        Object v = params.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            return null;
        }
        if (s.startsWith("subject.")) {
            Object x = subject == null ? null : subject.get(s.substring("subject.".length()));
            return x == null ? null : String.valueOf(x);
        }
        if (s.startsWith("user.")) {
            Object x = user == null ? null : user.get(s.substring("user.".length()));
            return x == null ? null : String.valueOf(x);
        }
        return s;
    }
}
