package se.placera.samples.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import se.placera.placements.PlacementCases;
import se.placera.placements.PlacementCases.Action;
import se.placera.placements.PlacementCases.CaseView;
import se.placera.placements.PlacementCases.NewCase;
import se.placera.placements.PlacementCases.NewNote;
import se.placera.placements.PlacementCases.Placement;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.providers.Unit;
import se.placera.shared.SwedishTime;

/**
 * Open placement cases of the sample municipality, in several states with notes, so that a newcomer sees a living
 * system: raised and moved through the ordinary case API as the demo caseworker ({@code handlaggare}) and the demo
 * placement officer ({@code admin}), after start-up (when the demo users exist). Idempotent: a case whose client
 * number has a case already is skipped, so a restart creates nothing new. The client numbers are synthetic (valid
 * date and check digit; birth numbers 981–991, the range Skatteverket's test numbers use).
 */
@Component
class SampleCases {

    private static final Logger log = LoggerFactory.getLogger(SampleCases.class);

    static final String CASEWORKER = "handlaggare";
    static final String OFFICER = "admin";

    /** One sample case: who it is for, the facts, the verbs taken in order and the notes written on the way. */
    record Spec(String birth, int serial, String name, String targetGroup, String placementForm, String legalBasis,
            List<String> needs, String gender, int startInDays, List<String> verbs, List<String> notes) {
    }

    static final String GIRL = "flicka-kvinna";
    static final String BOY = "pojke-man";

    static final List<Spec> SPECS = List.of(
            new Spec("20120314", 981, "Elsa Exempel", "barn-unga", "hvb-barn-unga", "lvu-2",
                    List.of("npf", "skolsvarigheter"), GIRL, 21, List.of(),
                    List.of("Utredningen klar; behov av HVB med skola.")),
            new Spec("20100902", 982, "Noah Prov", "barn-unga", "familjehem", "sol", List.of("traumatisering"),
                    BOY, 30, List.of(), List.of()),
            new Spec("20090611", 983, "Maja Testdotter", "barn-unga", "hvb-barn-unga", "lvu-3",
                    List.of("missbruk", "valdsproblematik"), GIRL, 7, List.of("skicka-forfragan"),
                    List.of("Förfrågan skickad till tre HVB i länet.", "Vårdnadshavare informerade.")),
            new Spec("19870123", 984, "Karl Fiktiv", "vuxna-missbruk", "hvb-vuxna", "sol",
                    List.of("missbruk", "samsjuklighet"), BOY, 10, List.of("skicka-forfragan"),
                    List.of("Klienten önskar behandling nära Göteborg.")),
            new Spec("20110417", 985, "Alva Påhittad", "barn-unga", "konsulentstott-familjehem", "lvu-2",
                    List.of("utsatt-for-vald"), GIRL, 3, List.of("skicka-forfragan", "besluta"),
                    List.of("Familjehemmet valt; avtal skrivs.")),
            new Spec("19920805", 986, "Omar Exempelsson", "vuxna-hemloshet", "stodboende-vuxna", "sol",
                    List.of("psykisk-ohalsa"), BOY, -20, List.of("skicka-forfragan", "besluta", "paborja"),
                    List.of("Inflyttning skedde enligt plan.", "Första uppföljningen bokad.")),
            new Spec("20080229", 987, "Wilma Demo", "barn-unga", "hvb-barn-unga", "lvu-3",
                    List.of("npf", "sjalvskadebeteende"), GIRL, -60, List.of("skicka-forfragan", "besluta", "paborja"),
                    List.of("Placeringen fungerar väl enligt utföraren.")),
            new Spec("19790716", 988, "Lena Prov", "vuxna-missbruk", "hvb-vuxna", "sol", List.of("missbruk"), GIRL,
                    -200, List.of("skicka-forfragan", "besluta", "paborja", "avsluta"),
                    List.of("Målen i genomförandeplanen uppnådda; avslutas planerat.")),
            // Statutory clocks (docs/schedules.md): an LVU 2 § reconsideration near (due in about a week) with an
            // overdue 3-month evaluation; a 2-month follow-up due in two days; an LVU 3 § reconsideration overdue.
            new Spec("20130521", 989, "Ebba Frist", "barn-unga", "hvb-barn-unga", "lvu-2", List.of("npf"), GIRL,
                    -176, List.of("skicka-forfragan", "besluta", "paborja"),
                    List.of("Övervägande enligt LVU 13 § närmar sig.")),
            new Spec("19850310", 990, "Adam Uppföljning", "vuxna-missbruk", "hvb-vuxna", "sol", List.of("missbruk"),
                    BOY, -59, List.of("skicka-forfragan", "besluta", "paborja"),
                    List.of("Första uppföljningen ska göras om några dagar.")),
            new Spec("20070812", 991, "Sara Sentida", "barn-unga", "hvb-barn-unga", "lvu-3", List.of("missbruk"), GIRL,
                    -190, List.of("skicka-forfragan", "besluta", "paborja"),
                    List.of("Omprövningen enligt LVU 13 § har inte gjorts i tid.")));

    private final SamplesProperties properties;
    private final PlacementCases cases;
    private final Register register;
    private final Clock clock;

    SampleCases(SamplesProperties properties, PlacementCases cases, Register register, Clock clock) {
        this.properties = properties;
        this.cases = cases;
        this.register = register;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (properties.enabled() && !properties.afterReady()) {
            loadLogged();
        }
    }

    /** Creates the sample cases that are missing and says so in the log. */
    void loadLogged() {
        int created = load();
        log.info("Sample cases: {}", created == 0 ? "already there" : created + " created");
    }

    /** Creates the sample cases that are missing; returns how many it created. */
    synchronized int load() {
        int created = 0;
        for (Spec spec : SPECS) {
            String pnr = number(spec.birth(), spec.serial());
            try {
                if (!as(OFFICER, () -> cases.findByIdentity(pnr)).isEmpty()) {
                    continue;
                }
                as(CASEWORKER, () -> raise(spec, pnr));
                created++;
            } catch (RuntimeException e) {
                // A municipality's own process may not allow the sample's steps: the sample stops there.
                log.warn("Sample case {} not completed: {}", spec.serial(), e.getMessage());
            }
        }
        return created;
    }

    private CaseView raise(Spec spec, String pnr) {
        LocalDate start = SwedishTime.today(clock).plusDays(spec.startInDays());
        CaseView c = cases.create(new NewCase(pnr, spec.name(), spec.targetGroup(), spec.placementForm(),
                spec.legalBasis(), spec.needs(), spec.gender(), start, OFFICER, null));
        int note = 0;
        for (String verb : spec.verbs()) {
            if (note < spec.notes().size()) {
                cases.addNote(c.id(), new NewNote(spec.notes().get(note++), null));
            }
            String reason = verb.equals("avsluta") ? "malen-uppnadda" : null;
            boolean recordsPlacement = c.actions().stream()
                    .anyMatch(a -> a.placement() && verb.equals(a.verb()));
            if (recordsPlacement) {
                // As a caseworker's choice of an answer does: the placement gets a unit of the register that takes
                // the case's placement form, its price of the day and the planned start.
                Unit unit = unitFor(spec);
                String provider = register.provider(new ProviderId(unit.providerId())).map(Provider::name)
                        .orElse(null);
                Integer price = unit.prices().stream().filter(p -> p.validOn(start) && p.perDay() != null)
                        .map(Unit.Price::perDay).findFirst().orElse(null);
                c = cases.recordPlacement(c.id(), verb, new Placement(c.revision(), unit.id(), unit.name(),
                        unit.providerId(), provider, price, start, null, null, "Exempel: vald i exempeldata."));
            } else {
                c = cases.act(c.id(), verb, new Action(c.revision(), reason, null));
            }
        }
        while (note < spec.notes().size()) {
            cases.addNote(c.id(), new NewNote(spec.notes().get(note++), null));
        }
        return c;
    }

    /** An active unit of the register for the case's placement form and target group, the same one every time. */
    private Unit unitFor(Spec spec) {
        return register.units().stream()
                .filter(u -> !Boolean.FALSE.equals(u.active()) && u.placementForms().contains(spec.placementForm())
                        && (u.targetGroups().isEmpty() || u.targetGroups().contains(spec.targetGroup())))
                .min(java.util.Comparator.comparing(Unit::id))
                .orElseThrow(() -> new IllegalStateException("No sample unit for " + spec.placementForm()));
    }

    /** Runs {@code work} as the user {@code username} (the case API acts for the signed-in user). */
    private static <T> T as(String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A personal identity number YYYYMMDD-NNNC with its Luhn digit. */
    static String number(String birth, int serial) {
        String digits = birth.substring(2) + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return birth + "-" + String.format("%03d", serial) + (10 - sum % 10) % 10;
    }
}
