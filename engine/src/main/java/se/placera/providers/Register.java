package se.placera.providers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The utförarregister as other modules use it. Reads come from memory; changes are stored, audited with
 * before/after, and visible to the next read at once. Callers check permissions (the HTTP layer does).
 */
public interface Register {

    Optional<Provider> provider(ProviderId id);

    Optional<Unit> unit(UnitId id);

    /** All units (active or not), in no particular order. */
    Collection<Unit> units();

    Collection<Provider> providers();

    List<FrameworkAgreement> frameworkAgreements();

    Provider saveProvider(Provider provider);

    Unit saveUnit(Unit unit);

    FrameworkAgreement saveFrameworkAgreement(FrameworkAgreement agreement);

    /**
     * Stores those of the given records whose ids are not in the register yet, without validation or audit entry
     * per record (sample data, migrations). Returns how many records were created.
     */
    int insertMissing(List<FrameworkAgreement> agreements, List<Provider> providers, List<Unit> units);
}
