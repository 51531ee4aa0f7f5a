package se.placera.providers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Provider;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.Unit;
import se.placera.shared.Problem;

/** Checks register records: required fields, ranges, and coded values against the published codelists. */
@Component
public class RegisterValidation {

    static final Pattern ORG_NUMBER = Pattern.compile("^\\d{6}-\\d{4}$");
    static final Set<String> REGI = Set.of(Provider.EXTERN, Provider.EGEN);
    static final Set<String> PRICE_MODELS = Set.of(Unit.Price.PER_DAY, Unit.Price.LEVELS, Unit.Price.INDIVIDUAL);
    static final Set<String> AGREEMENT_TYPES = Set.of(Unit.Agreement.RAMAVTAL, Unit.Agreement.DIREKTUPPHANDLING,
            Unit.Agreement.INDIVIDAVTAL);
    static final Set<String> LEVELS = Set.of("1", "2", "3", "4", "5");

    private final Codelists codelists;

    RegisterValidation(Codelists codelists) {
        this.codelists = codelists;
    }

    public List<Problem> provider(Provider p) {
        List<Problem> out = new ArrayList<>();
        if (blank(p.name())) {
            out.add(required("/name", "name"));
        }
        if (blank(p.orgNumber())) {
            out.add(required("/orgNumber", "orgNumber"));
        } else if (!ORG_NUMBER.matcher(p.orgNumber()).matches()) {
            out.add(new Problem("/orgNumber", RegisterProblemCodes.INVALID_ORG_NUMBER,
                    "An organisationsnummer has ten digits, NNNNNN-NNNN (the dash may be left out)."));
        }
        if (blank(p.regi())) {
            out.add(required("/regi", "regi"));
        } else if (!REGI.contains(p.regi())) {
            out.add(new Problem("/regi", RegisterProblemCodes.INVALID_VALUE, "regi must be 'extern' or 'egen'."));
        }
        return out;
    }

    /**
     * An organisationsnummer as stored, NNNNNN-NNNN: ten digits written without the dash (or with spaces) get it;
     * anything else is returned as given, for {@link #provider} to refuse.
     */
    public static String normaliseOrgNumber(String orgNumber) {
        if (orgNumber == null) {
            return null;
        }
        String trimmed = orgNumber.strip();
        String digits = trimmed.replaceAll("[\\s-]", "");
        return digits.matches("\\d{10}") && trimmed.matches("[\\d\\s-]+")
                ? digits.substring(0, 6) + "-" + digits.substring(6) : trimmed;
    }

    public List<Problem> frameworkAgreement(FrameworkAgreement a) {
        List<Problem> out = new ArrayList<>();
        if (blank(a.id())) {
            out.add(required("/id", "id"));
        }
        if (blank(a.name())) {
            out.add(required("/name", "name"));
        }
        codes(out, "/placementForms", a.placementForms(), Codelists.PLACEMENT_FORMS);
        period(out, "", a.validFrom(), a.validTo());
        return out;
    }

    /**
     * @param providerExists   whether a provider id is in the register
     * @param agreementExists  whether a framework agreement id is in the register
     */
    public List<Problem> unit(Unit u, Predicate<String> providerExists, Predicate<String> agreementExists) {
        List<Problem> out = new ArrayList<>();
        if (blank(u.name())) {
            out.add(required("/name", "name"));
        }
        if (blank(u.providerId())) {
            out.add(required("/providerId", "providerId"));
        } else if (!providerExists.test(u.providerId())) {
            out.add(new Problem("/providerId", RegisterProblemCodes.UNKNOWN_REFERENCE,
                    "There is no provider '" + u.providerId() + "'."));
        }
        if (blank(u.locality()) && blank(u.municipality())) {
            out.add(required("/locality", "locality"));
        }
        if (u.placementForms().isEmpty()) {
            out.add(required("/placementForms", "placementForms"));
        }
        if (u.targetGroups().isEmpty()) {
            out.add(required("/targetGroups", "targetGroups"));
        }
        codes(out, "/targetGroups", u.targetGroups(), Codelists.TARGET_GROUPS);
        codes(out, "/placementForms", u.placementForms(), Codelists.PLACEMENT_FORMS);
        codes(out, "/legalBases", u.legalBases(), Codelists.LEGAL_BASES);
        codes(out, "/genders", u.genders(), Codelists.GENDERS);
        codes(out, "/needs", u.needs(), Codelists.NEEDS);
        range(out, "/minAge", u.minAge(), 0, 120);
        range(out, "/maxAge", u.maxAge(), 0, 120);
        if (u.minAge() != null && u.maxAge() != null && u.minAge() > u.maxAge()) {
            out.add(new Problem("/maxAge", RegisterProblemCodes.INVALID_VALUE, "maxAge is below minAge."));
        }
        range(out, "/places", u.places(), 0, 100_000);
        range(out, "/vacancies", u.vacancies(), 0, 100_000);
        if (u.places() != null && u.vacancies() != null && u.vacancies() > u.places()) {
            out.add(new Problem("/vacancies", RegisterProblemCodes.VACANCIES_ABOVE_PLACES,
                    "There are more vacancies than places."));
        }
        range(out, "/noticePeriodDays", u.noticePeriodDays(), 0, 3650);
        if (u.location() != null) {
            if (Math.abs(u.location().lat()) > 90) {
                out.add(new Problem("/location/lat", RegisterProblemCodes.INVALID_VALUE, "Latitude must be -90..90."));
            }
            if (Math.abs(u.location().lon()) > 180) {
                out.add(new Problem("/location/lon", RegisterProblemCodes.INVALID_VALUE,
                        "Longitude must be -180..180."));
            }
        }
        for (int i = 0; i < u.prices().size(); i++) {
            price(out, "/prices/" + i, u.prices().get(i));
        }
        if (u.agreement() != null) {
            Unit.Agreement a = u.agreement();
            if (blank(a.type())) {
                out.add(required("/agreement/type", "agreement type"));
            } else if (!AGREEMENT_TYPES.contains(a.type())) {
                out.add(new Problem("/agreement/type", RegisterProblemCodes.INVALID_VALUE,
                        "Avtalstyp must be one of " + AGREEMENT_TYPES + "."));
            } else if (Unit.Agreement.RAMAVTAL.equals(a.type())) {
                if (blank(a.frameworkAgreementId())) {
                    out.add(required("/agreement/frameworkAgreementId", "the framework agreement of a ramavtal"));
                } else if (!agreementExists.test(a.frameworkAgreementId())) {
                    out.add(new Problem("/agreement/frameworkAgreementId", RegisterProblemCodes.UNKNOWN_REFERENCE,
                            "There is no framework agreement '" + a.frameworkAgreementId() + "'."));
                }
            }
            period(out, "/agreement", a.validFrom(), a.validTo());
        }
        if (u.ivoPermit() != null) {
            Unit.IvoPermit p = u.ivoPermit();
            if (blank(p.number())) {
                out.add(required("/ivoPermit/number", "the permit number"));
            }
            codes(out, "/ivoPermit/scope", p.scope(), Codelists.PLACEMENT_FORMS);
            period(out, "/ivoPermit", p.validFrom(), p.validTo());
        }
        return out;
    }

    /**
     * Whether a problem only says that a value is retired from its codelist while the stored unit already holds it
     * in the same field: a unit keeps a value retired after it was chosen (the codelist says retire, not remove),
     * it cannot choose it anew.
     */
    boolean keepsRetired(Problem p, Unit before) {
        if (before == null || !RegisterProblemCodes.NOT_IN_CODELIST.equals(p.code())
                || !(p.params().get("value") instanceof String value)
                || !(p.params().get("codelist") instanceof String codelist) || !codelists.retired(codelist, value)) {
            return false;
        }
        String field = p.pointer().replaceAll("/\\d+$", "");
        List<String> held = switch (field) {
            case "/targetGroups" -> before.targetGroups();
            case "/placementForms" -> before.placementForms();
            case "/legalBases" -> before.legalBases();
            case "/genders" -> before.genders();
            case "/needs" -> before.needs();
            case "/ivoPermit/scope" -> before.ivoPermit() == null ? List.of() : before.ivoPermit().scope();
            default -> List.of();
        };
        return held.contains(value);
    }

    void price(List<Problem> out, String at, Unit.Price p) {
        if (blank(p.model())) {
            out.add(required(at + "/model", "price model"));
            return;
        }
        if (!PRICE_MODELS.contains(p.model())) {
            out.add(new Problem(at + "/model", RegisterProblemCodes.INVALID_VALUE,
                    "Prismodell must be one of " + PRICE_MODELS + "."));
        }
        if (Unit.Price.PER_DAY.equals(p.model()) && (p.perDay() == null || p.perDay() <= 0)) {
            out.add(new Problem(at + "/perDay", RegisterProblemCodes.REQUIRED,
                    "A price per day above 0 is required for the model per-dygn."));
        }
        if (p.perDay() != null && (p.perDay() <= 0 || p.perDay() > 1_000_000)) {
            out.add(new Problem(at + "/perDay", RegisterProblemCodes.INVALID_VALUE,
                    "The price per day must be between 1 and 1 000 000 kr."));
        }
        if (Unit.Price.LEVELS.equals(p.model()) && (p.levels() == null || p.levels().isEmpty())) {
            out.add(new Problem(at + "/levels", RegisterProblemCodes.REQUIRED,
                    "At least one level price is required for the model nivaer."));
        }
        if (p.levels() != null) {
            for (Map.Entry<String, Integer> e : p.levels().entrySet()) {
                if (!LEVELS.contains(e.getKey())) {
                    out.add(new Problem(at + "/levels/" + e.getKey(), RegisterProblemCodes.INVALID_VALUE,
                            "Levels are 1–5."));
                } else if (e.getValue() == null || e.getValue() <= 0) {
                    out.add(new Problem(at + "/levels/" + e.getKey(), RegisterProblemCodes.INVALID_VALUE,
                            "A level price must be above 0."));
                }
            }
        }
        period(out, at, p.validFrom(), p.validTo());
    }

    void codes(List<Problem> out, String at, List<String> values, String codelist) {
        for (int i = 0; i < values.size(); i++) {
            codelists.check(out, at + "/" + i, values.get(i), codelist);
        }
    }

    private static void period(List<Problem> out, String at, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            out.add(new Problem(at + "/validTo", RegisterProblemCodes.INVALID_VALUE, "validTo is before validFrom."));
        }
    }

    private static void range(List<Problem> out, String at, Integer v, int min, int max) {
        if (v != null && (v < min || v > max)) {
            out.add(new Problem(at, RegisterProblemCodes.INVALID_VALUE, "Must be between " + min + " and " + max + "."));
        }
    }

    private static Problem required(String pointer, String what) {
        return new Problem(pointer, RegisterProblemCodes.REQUIRED, "Missing " + what + ".");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
