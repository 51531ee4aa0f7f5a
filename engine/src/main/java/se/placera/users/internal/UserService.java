package se.placera.users.internal;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.Lockouts;
import se.placera.security.PlaceraModule;
import se.placera.security.ProviderOrganisations;
import se.placera.security.Roles;
import se.placera.security.UserDirectory;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.Versions;
import se.placera.users.AccountMessage;
import se.placera.users.UsersProperties;
import se.placera.users.internal.AccountTokens.Purpose;

/**
 * Accounts: the user directory authentication reads, and the administration of users (add, update,
 * deactivate, invite), activation and password reset. Every change is one document write and an audit event.
 */
@Service
public class UserService implements UserDirectory, ApplicationRunner {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * What an administrator sends to add or change an account. {@code revision}, on an update, is the revision
     * the administrator read: when someone else has changed the account since, the update is refused (409).
     */
    public record UserRequest(@Size(max = InputLimits.ID) String username, @Size(max = InputLimits.NAME) String firstName,
            @Size(max = InputLimits.NAME) String lastName, @Size(max = InputLimits.SHORT_TEXT) String email,
            @Size(max = InputLimits.ID) String phone, @Size(max = InputLimits.NAME) String jobRole,
            @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> administrations,
            @Size(max = InputLimits.NAME) String team,
            @Size(max = InputLimits.LIST) Map<@Size(max = InputLimits.ID) String, @Size(max = InputLimits.ID) String> permissions,
            @Size(max = InputLimits.LONG_LIST) Map<@Size(max = InputLimits.ID) String, @Size(max = InputLimits.ID) String> methodPermissions,
            @Size(max = InputLimits.NAME) String keycloakId, Boolean sendInvitation, Long revision) {

        /** The same request read at {@code revision}. */
        public UserRequest withRevision(Long revision) {
            return new UserRequest(username, firstName, lastName, email, phone, jobRole, administrations, team,
                    permissions, methodPermissions, keycloakId, sendInvitation, revision);
        }
    }

    private final MongoTemplate mongo;
    private final Organisation organisation;
    private final UsersProperties props;
    private final PasswordEncoder encoder;
    private final AccountTokens tokens;
    private final org.springframework.beans.factory.ObjectProvider<CurrentUsers> currentUsers;
    private final Lockouts lockouts;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final boolean samplesEnabled;
    private final org.springframework.beans.factory.ObjectProvider<ProviderOrganisations> providers;
    private final Outbox outbox;
    private final UserOutbox.Accounts source;
    private final UserOutbox.Tokens tokenSource;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UserService.class);

    /** The first administrator's set-up link: single use, valid this long. */
    static final java.time.Duration FIRST_ADMIN_TTL = java.time.Duration.ofHours(24);
    static final String FIRST_ADMIN_SUBJECT = "first-admin";

    UserService(MongoTemplate mongo, Organisation organisation, UsersProperties props, PasswordEncoder encoder,
            AccountTokens tokens, org.springframework.beans.factory.ObjectProvider<CurrentUsers> currentUsers, Lockouts lockouts, ApplicationEventPublisher events,
            Clock clock, org.springframework.core.env.Environment environment, Outbox outbox,
            UserOutbox.Accounts source, UserOutbox.Tokens tokenSource,
            org.springframework.beans.factory.ObjectProvider<ProviderOrganisations> providers) {
        this.providers = providers;
        this.tokenSource = tokenSource;
        this.outbox = outbox;
        this.source = source;
        this.mongo = mongo;
        this.organisation = organisation;
        this.props = props;
        this.encoder = encoder;
        this.tokens = tokens;
        this.currentUsers = currentUsers;
        this.lockouts = lockouts;
        this.events = events;
        this.policy = new PasswordPolicy(props.minPasswordLength());
        this.clock = clock;
        this.samplesEnabled = environment.getProperty("placera.samples.enabled", Boolean.class, false);
    }

    // ---- start-up: indexes and seed accounts ----

    @Override
    public void run(ApplicationArguments args) {
        var ops = mongo.indexOps(UserDocument.class);
        ops.createIndex(new Index("username", Sort.Direction.ASC).unique());
        ops.createIndex(new Index("externalId", Sort.Direction.ASC).unique().sparse());
        if (samplesEnabled) {
            seedDemoUsers();
        }
        offerFirstAdministrator();
    }

    /**
     * Creates the configured seed accounts that are missing. At start-up only with sample data
     * ({@code placera.samples.enabled=true}): demo users with a known password never exist otherwise.
     */
    public void seedDemoUsers() {
        for (var seed : props.seedUsers()) {
            if (findByUsername(seed.username()).isPresent()) {
                continue;
            }
            var request = new UserRequest(seed.username(), seed.firstName(), seed.lastName(), seed.email(),
                    seed.phone(), seed.jobRole(), seed.administrations(), seed.team(), seed.permissions(),
                    seed.methodPermissions(), null, false, null);
            boolean system = Boolean.TRUE.equals(seed.system());
            UserDocument doc = validated(new UserDocument(), request, true, system);
            doc.system = system;
            doc.id = UUID.randomUUID().toString();
            doc.active = true;
            doc.createdAt = clock.instant();
            doc.updatedAt = doc.createdAt;
            if (seed.password() != null && !seed.password().isBlank()) {
                doc.passwordHash = encoder.encode(seed.password());
                doc.passwordChangedAt = doc.createdAt;
            }
            doc.history.add(new UserDocument.Change(doc.createdAt, "system", "seeded", Map.of()));
            try {
                mongo.insert(doc);
            } catch (DuplicateKeyException e) {
                // Seeded by another instance meanwhile.
            }
        }
    }

    // ---- the first administrator (a start without demo users) ----

    /** Whether an active administrator (system or municipality) exists. */
    boolean administratorExists() {
        return mongo.exists(Query.query(Criteria.where("active").is(true).orOperator(
                Criteria.where("system").is(true), Criteria.where("permissions.ADMIN_CONSOLE").is("ADMIN"))),
                UserDocument.class);
    }

    /**
     * On a start without any administrator, logs a one-time link to create the first (system) administrator.
     * Only a hash of its token is stored; it expires after {@link #FIRST_ADMIN_TTL} and works once.
     */
    void offerFirstAdministrator() {
        if (administratorExists()) {
            return;
        }
        String token = tokens.issue(FIRST_ADMIN_SUBJECT, Purpose.FIRST_ADMIN, FIRST_ADMIN_TTL);
        LOG.warn("No administrator exists. Create the first (system) administrator within {} hours, once, at: {}",
                FIRST_ADMIN_TTL.toHours(), props.appUrl() + "/admin/first-admin?token=" + token);
    }

    /** Creates the first system administrator with the set-up token of the log; the token works once. */
    public UserDocument createFirstAdministrator(String token, String username, String firstName, String lastName,
            String email, String password) {
        if (tokens.peek(token, Purpose.FIRST_ADMIN).isEmpty()) {
            throw PlaceraException.invalid("TOKEN_INVALID", "The link is unknown, used or expired.",
                    List.of(new Problem("/token", "token.invalid", "Unknown, used or expired.")));
        }
        var request = new UserRequest(username, firstName == null || firstName.isBlank() ? "System" : firstName,
                lastName == null || lastName.isBlank() ? "Administratör" : lastName, email, null, null, List.of(),
                null, Map.of("ADMIN_CONSOLE", "ADMIN"), Map.of(), null, false, null);
        UserDocument doc = validated(new UserDocument(), request, true, true);
        List<Problem> problems = policy.check(password, doc.username, doc.firstName, doc.lastName,
                doc.email.split("@")[0]);
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid("PASSWORD_POLICY", "The password does not meet the policy.", problems);
        }
        if (tokens.consume(token, Purpose.FIRST_ADMIN).isEmpty()) {
            throw PlaceraException.invalid("TOKEN_INVALID", "The link is unknown, used or expired.",
                    List.of(new Problem("/token", "token.invalid", "Unknown, used or expired.")));
        }
        Instant now = clock.instant();
        doc.id = UUID.randomUUID().toString();
        doc.system = true;
        doc.active = true;
        doc.createdAt = now;
        doc.updatedAt = now;
        doc.passwordHash = encoder.encode(password);
        doc.passwordChangedAt = now;
        doc.history.add(new UserDocument.Change(now, "system", "first-administrator", Map.of()));
        try {
            return write(doc, "user.first-admin", Map.of(), true);
        } catch (DuplicateKeyException e) {
            throw PlaceraException.conflict("USERNAME_TAKEN", "The user name '" + doc.username + "' is taken.");
        }
    }

    // ---- the user directory ----

    @Override
    public Optional<UserAccount> byUsername(String username) {
        return findByUsername(username).map(this::account);
    }

    @Override
    public Optional<UserAccount> byExternalIdentity(String externalId, String verifiedEmail) {
        if (externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        UserDocument doc = mongo.findOne(Query.query(Criteria.where("externalId").is(externalId)), UserDocument.class);
        if (doc == null && verifiedEmail != null && !verifiedEmail.isBlank()) {
            List<UserDocument> candidates = mongo.find(Query.query(Criteria.where("email")
                    .is(verifiedEmail.trim().toLowerCase(Locale.ROOT)).and("active").is(true)
                    .and("externalId").is(null)), UserDocument.class);
            if (candidates.size() == 1) {
                doc = candidates.getFirst();
                doc.externalId = externalId;
                doc.history.add(new UserDocument.Change(clock.instant(), "system", "linked-keycloak",
                        Map.of("externalId", externalId)));
                try {
                    doc = mongo.save(doc);
                } catch (RuntimeException e) {
                    doc = mongo.findOne(Query.query(Criteria.where("externalId").is(externalId)), UserDocument.class);
                }
            }
        }
        return Optional.ofNullable(doc).map(this::account);
    }

    private Optional<UserDocument> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("username").is(username.trim().toLowerCase(Locale.ROOT))),
                UserDocument.class));
    }

    UserAccount account(UserDocument d) {
        return new UserAccount(toCurrentUser(d), d.passwordHash, d.active);
    }

    public CurrentUser toCurrentUser(UserDocument d) {
        if (d.providerId != null) {
            // A provider user: the portal only. No permissions, no administrations, whatever the document holds.
            return new CurrentUser(d.id, d.username, nz(d.firstName), nz(d.lastName), nz(d.email), nz(d.jobRole), "",
                    "", "", Set.of(Roles.PROVIDER), nz(d.phone), null, List.of(), Set.of(), Map.of(), Map.of(), "",
                    d.providerId);
        }
        Map<PlaceraModule, AccessLevel> perms = new EnumMap<>(PlaceraModule.class);
        if (d.permissions != null) {
            d.permissions.forEach((m, l) -> perms.put(PlaceraModule.valueOf(m), AccessLevel.valueOf(l)));
        }
        Map<String, AccessLevel> methods = new TreeMap<>();
        if (d.methodPermissions != null) {
            d.methodPermissions.forEach((m, l) -> methods.put(m, AccessLevel.valueOf(l)));
        }
        List<CurrentUser.Administration> granted = new ArrayList<>();
        for (String id : d.administrations) {
            organisation.administration(id).ifPresent(p -> granted.add(new CurrentUser.Administration(
                    id, p.administration().name(), p.municipality().name())));
        }
        String home = d.administrations.isEmpty() ? null : d.administrations.getFirst();
        String homeName = granted.isEmpty() ? "" : granted.getFirst().name();
        String municipality = granted.isEmpty() ? nz(d.municipality) : granted.getFirst().municipality();
        var roles = new java.util.TreeSet<>(Roles.of(perms));
        if (d.system) {
            roles.add(Roles.SYSTEM);
        }
        return new CurrentUser(d.id, d.username, nz(d.firstName), nz(d.lastName), nz(d.email), nz(d.jobRole),
                municipality, homeName, nz(d.team), roles, nz(d.phone), home, granted,
                organisation.visibleFor(d.administrations), perms, methods, "", null);
    }

    // ---- administration ----

    /** The users the caller administers (GD-1): all for the system administrator, else those of their administrations. */
    public List<UserDocument> list(Boolean active) {
        Query q = active == null ? new Query() : Query.query(Criteria.where("active").is(active));
        CurrentUser caller = caller();
        return mongo.find(q.with(Sort.by("username")), UserDocument.class).stream()
                .filter(d -> caller.administers(d.administrations)).toList();
    }

    /** A user the caller administers; any other is reported as missing (404), so its existence does not leak. */
    public UserDocument get(String id) {
        UserDocument d = load(id);
        if (!caller().administers(d.administrations)) {
            throw notFound(id);
        }
        return d;
    }

    /** A user whatever the caller (activation, password reset, approvals check the scope themselves). */
    UserDocument load(String id) {
        UserDocument d = id == null ? null : mongo.findById(id, UserDocument.class);
        if (d == null) {
            throw notFound(id);
        }
        return d;
    }

    private static PlaceraException notFound(String id) {
        return PlaceraException.notFound("USER_NOT_FOUND", "There is no user '" + id + "'.");
    }

    public UserDocument create(UserRequest request) {
        UserDocument doc = validated(new UserDocument(), request, true, false);
        requireGrantable(caller(), null, doc);
        Instant now = clock.instant();
        doc.id = UUID.randomUUID().toString();
        doc.active = true;
        doc.createdAt = now;
        doc.updatedAt = now;
        doc.history.add(new UserDocument.Change(now, actor(), "created", rights(doc)));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("before", null);
        created.put("after", rights(doc));
        try {
            doc = write(doc, "user.create", created, true);
        } catch (DuplicateKeyException e) {
            throw PlaceraException.conflict("USERNAME_TAKEN", "The user name '" + doc.username + "' is taken.");
        }
        if (!Boolean.FALSE.equals(request.sendInvitation())) {
            invite(doc);
        }
        return doc;
    }

    // ---- provider users (the provider portal) ----

    /**
     * What a placement officer or administrator sends to invite a user of a provider of the register.
     *
     * @param administration the administration that invites and administers the account; default the caller's
     *                       home administration
     */
    public record ProviderUserRequest(@Size(max = InputLimits.ID) String username,
            @Size(max = InputLimits.NAME) String firstName, @Size(max = InputLimits.NAME) String lastName,
            @Size(max = InputLimits.SHORT_TEXT) String email, @Size(max = InputLimits.ID) String phone,
            @Size(max = InputLimits.ID) String providerId, @Size(max = InputLimits.ID) String administration) {
    }

    /**
     * The administrations in which the caller invites and lists provider users: all (null) for the system
     * administrator; the granted ones of an administrator (administration console at ADMIN) or a placement
     * officer (placement at ADMIN); none for anyone else.
     */
    static Set<String> providerUserAdministrations(CurrentUser caller) {
        if (caller.isSystemAdministrator()) {
            return null;
        }
        if (caller.isProviderUser() || !caller.can(PlaceraModule.ADMIN_CONSOLE, AccessLevel.ADMIN)
                && !caller.can(PlaceraModule.PLACEMENT, AccessLevel.ADMIN)) {
            return Set.of();
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        caller.grantedAdministrations().forEach(a -> ids.add(a.id()));
        if (caller.administrationId() != null && !caller.administrationId().isEmpty()) {
            ids.add(caller.administrationId());
        }
        return ids;
    }

    /**
     * Adds a user of a provider of the register and mails the invitation (the activation link of every account):
     * the provider must be an active provider of the register, the administration one of the caller's.
     */
    public UserDocument createProviderUser(ProviderUserRequest r) {
        CurrentUser caller = caller();
        Set<String> allowed = providerUserAdministrations(caller);
        if (allowed != null && allowed.isEmpty()) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "PROVIDER_USER_FORBIDDEN",
                    "Only administrators and placement officers invite provider users.");
        }
        if (r == null) {
            throw PlaceraException.invalid("USER_INVALID", "The request is empty.", List.of());
        }
        var provider = r.providerId() == null ? Optional.<ProviderOrganisations.ProviderOrganisation>empty()
                : providers.getObject().find(r.providerId().trim());
        if (provider.isEmpty() || !provider.get().active()) {
            throw PlaceraException.invalid("USER_INVALID", "The provider is not an active provider of the register.",
                    List.of(new Problem("/providerId", provider.isEmpty() ? "unknown-provider" : "inactive-provider",
                            "Choose an active provider of the register.")));
        }
        String administration = r.administration() == null || r.administration().isBlank()
                ? caller.administrationId() : r.administration().trim();
        if (allowed != null && !allowed.contains(administration)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "USER_GRANT_FORBIDDEN",
                    "You invite provider users only for your own administrations.",
                    List.of(new Problem("/administration", "not-administered", "Not one of your administrations.")));
        }
        UserDocument doc = validated(new UserDocument(), new UserRequest(r.username(), r.firstName(), r.lastName(),
                r.email(), r.phone(), null, administration == null ? List.of() : List.of(administration), null,
                Map.of(), Map.of(), null, true, null), true, false);
        doc.providerId = provider.get().id();
        Instant now = clock.instant();
        doc.id = UUID.randomUUID().toString();
        doc.active = true;
        doc.createdAt = now;
        doc.updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("providerId", doc.providerId);
        details.put("provider", provider.get().name());
        details.put("administrations", List.copyOf(doc.administrations));
        doc.history.add(new UserDocument.Change(now, actor(), "created", details));
        try {
            // The account and its audit entry in one document (outbox), like every account write.
            doc = write(doc, "provider-user.create", details, true);
        } catch (DuplicateKeyException e) {
            throw PlaceraException.conflict("USERNAME_TAKEN", "The user name '" + doc.username + "' is taken.");
        }
        invite(doc);
        return doc;
    }

    /** The provider users of the caller's administrations (all for the system administrator), of one provider if given. */
    public List<UserDocument> providerUsers(String providerId) {
        Set<String> allowed = providerUserAdministrations(caller());
        Query q = Query.query(providerId == null || providerId.isBlank() ? Criteria.where("providerId").ne(null)
                : Criteria.where("providerId").is(providerId));
        return mongo.find(q.with(Sort.by("username")), UserDocument.class).stream()
                .filter(d -> d.providerId != null)
                .filter(d -> allowed == null || !d.administrations.isEmpty() && allowed.containsAll(d.administrations))
                .toList();
    }

    public UserDocument update(String id, UserRequest request) {
        UserDocument doc = get(id);
        // The revision read is required (428 without, 409 if stale); the save is conditional on it (@Version).
        Versions.check(request == null ? null : request.revision(), doc.revision, "/revision", "USER_CHANGED");
        Map<String, Object> before = rights(doc);
        UserDocument old = copyOf(doc);
        validated(doc, request, false, doc.system);
        if (doc.providerId != null && (!doc.permissions.isEmpty() || !doc.methodPermissions.isEmpty())) {
            throw PlaceraException.invalid("USER_INVALID", "A provider user has no permissions: the portal only.",
                    List.of(new Problem(doc.permissions.isEmpty() ? "/methodPermissions" : "/permissions",
                            "provider-user", "A provider user cannot be granted permissions.")));
        }
        List<Problem> identity = identityChanges(old, doc);
        if (!identity.isEmpty()) {
            throw new PlaceraException(PlaceraException.Kind.CONFLICT, "USER_CHANGE_NEEDS_APPROVAL",
                    "Administrations, e-mail and Keycloak link change only with a second administrator's approval: "
                            + "POST /api/users/{id}/changes.", identity);
        }
        requireGrantable(caller(), old, doc);
        Map<String, Object> after = rights(doc);
        doc.updatedAt = clock.instant();
        Map<String, Object> change = new LinkedHashMap<>();
        if (!before.equals(after)) {
            change.put("before", before);
            change.put("after", after);
        }
        doc.history.add(new UserDocument.Change(doc.updatedAt, actor(), "updated", change));
        doc = write(doc, "user.update", change, false);
        if (!before.equals(after) && doc.active) {
            tell(doc, "rights-changed", "Dina behörigheter i Placera har ändrats",
                    "Hej " + doc.firstName + "!\n\nDina behörigheter i Placera har ändrats. Du har nu:\n\n"
                            + describe(doc) + "\nHälsningar\nPlacera");
        }
        return doc;
    }

    public UserDocument deactivate(String id) {
        UserDocument doc = get(id);
        if (!doc.active) {
            return doc;
        }
        doc.active = false;
        doc.deactivatedAt = clock.instant();
        doc.updatedAt = doc.deactivatedAt;
        doc.history.add(new UserDocument.Change(doc.updatedAt, actor(), "deactivated", Map.of()));
        doc = write(doc, "user.deactivate", change("active", true, false), false);
        tell(doc, "deactivated", "Ditt konto i Placera är avslutat",
                "Hej " + doc.firstName + "!\n\nDitt konto " + doc.username
                        + " i Placera har avslutats. Kontakta din administratör om det är fel.\n\nHälsningar\nPlacera");
        return doc;
    }

    public UserDocument reactivate(String id) {
        UserDocument doc = get(id);
        if (doc.active) {
            return doc;
        }
        doc.active = true;
        doc.deactivatedAt = null;
        doc.updatedAt = clock.instant();
        doc.history.add(new UserDocument.Change(doc.updatedAt, actor(), "reactivated", Map.of()));
        doc = write(doc, "user.reactivate", change("active", false, true), false);
        return doc;
    }

    /** (Re)sends the invitation with a new activation link. */
    public UserDocument reinvite(String id) {
        UserDocument doc = get(id);
        if (!doc.active) {
            throw PlaceraException.conflict("USER_INACTIVE", "The account is deactivated; reactivate it first.");
        }
        invite(doc);
        return doc;
    }

    /**
     * Lifts an account's login lock: the unlock is written to the account with its audit entry, and the lock is
     * lifted when the entry goes out ({@link UserOutbox.Accounts#followUps}), so there is no unlock without its entry.
     */
    public void unlock(String id) {
        write(get(id), "user.unlock", Map.of(), false);
    }

    public Optional<java.time.Instant> lockedUntil(UserDocument doc) {
        return lockouts.lockedUntil(doc.username);
    }

    private void invite(UserDocument doc) {
        String token = issue(doc, Purpose.ACTIVATION, props.activationTtl(), "user.invite");
        String link = props.appUrl() + "/activate?token=" + token;
        if (doc.providerId != null) {
            String provider = providers.getObject().find(doc.providerId).map(ProviderOrganisations.ProviderOrganisation::name)
                    .orElse(doc.providerId);
            tell(doc, "invitation", "Välkommen till Placeras portal för utförare",
                    "Hej " + doc.firstName + "!\n\nDu har fått ett konto i Placeras portal för utförare, för "
                            + provider + ". Där besvarar du kommunens förfrågningar om placeringar.\n"
                            + "Användarnamn: " + doc.username + "\n\nVälj ditt lösenord via länken nedan. Länken "
                            + "gäller i " + props.activationTtl().toHours() + " timmar och kan bara användas en gång:\n"
                            + link + "\n\nHälsningar\nPlacera");
            return; // the invitation's audit entry travels on the issued token
        }
        tell(doc, "invitation", "Välkommen till Placera",
                "Hej " + doc.firstName + "!\n\nDu har fått ett konto i Placera, kommunens stöd för placeringar.\n"
                        + "Användarnamn: " + doc.username + "\n\nDina behörigheter:\n" + describe(doc)
                        + "\nVälj ditt lösenord via länken nedan. Länken gäller i " + props.activationTtl().toHours()
                        + " timmar och kan bara användas en gång:\n" + link + "\n\nHälsningar\nPlacera");
    }

    /** Issues a token with the audit entry of its issue in the same write (shared.Outbox) and delivers the entry. */
    private String issue(UserDocument doc, Purpose purpose, java.time.Duration ttl, String action) {
        AccountTokens.Issued issued = tokens.issue(doc.id, purpose, ttl, audited(action, doc, Map.of()), actor(),
                currentUsers.getObject().find().map(CurrentUser::administrationId).orElse(null));
        outbox.deliver(tokenSource, issued.document());
        return issued.token();
    }

    // ---- activation and password reset (no session: the token is the secret) ----

    public void activate(String token, String password) {
        setPassword(token, password, Purpose.ACTIVATION, "activated", "user.activate");
    }

    public void requestReset(String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank()) {
            return;
        }
        String key = usernameOrEmail.trim().toLowerCase(Locale.ROOT);
        List<UserDocument> matches = mongo.find(Query.query(new Criteria().orOperator(
                Criteria.where("username").is(key), Criteria.where("email").is(key))).addCriteria(
                Criteria.where("active").is(true)), UserDocument.class);
        if (matches.size() != 1) {
            events.publishEvent(new Audited("password.reset-request", "user", null, null, "failure",
                    Map.of("reason", "no-single-account")));
            return;
        }
        UserDocument doc = matches.getFirst();
        String token = issue(doc, Purpose.RESET, props.resetTtl(), "password.reset-request");
        tell(doc, "password-reset", "Återställ ditt lösenord i Placera",
                "Hej " + doc.firstName + "!\n\nNågon (förhoppningsvis du) har bett om ett nytt lösenord för "
                        + doc.username + ".\nVälj ett nytt lösenord via länken nedan. Den gäller i "
                        + props.resetTtl().toMinutes() + " minuter och kan bara användas en gång:\n"
                        + props.appUrl() + "/reset-password?token=" + token
                        + "\n\nHar du inte bett om det kan du bortse från meddelandet.\n\nHälsningar\nPlacera");
    }

    public void confirmReset(String token, String password) {
        setPassword(token, password, Purpose.RESET, "password-reset", "password.reset");
    }

    private void setPassword(String token, String password, Purpose purpose, String historyAction, String auditAction) {
        String userId = tokens.peek(token, purpose).orElseThrow(() -> PlaceraException.invalid("TOKEN_INVALID",
                        "The link is unknown, used or expired; ask for a new one.",
                        List.of(new Problem("/token", "token.invalid", "Unknown, used or expired."))));
        UserDocument doc = load(userId);
        List<Problem> problems = policy.check(password, doc.username, doc.firstName, doc.lastName,
                doc.email == null ? null : doc.email.split("@")[0]);
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid("PASSWORD_POLICY", "The password does not meet the policy.", problems);
        }
        if (tokens.consume(token, purpose).isEmpty() || !doc.active) {
            throw PlaceraException.invalid("TOKEN_INVALID", "The link is unknown, used or expired; ask for a new one.",
                    List.of(new Problem("/token", "token.invalid", "Unknown, used or expired.")));
        }
        doc.passwordHash = encoder.encode(password);
        doc.passwordChangedAt = clock.instant();
        doc.updatedAt = doc.passwordChangedAt;
        doc.history.add(new UserDocument.Change(doc.updatedAt, doc.username, historyAction, Map.of()));
        write(doc, auditAction, Map.of(), false);
        lockouts.unlock(doc.username);
    }

    // ---- helpers ----

    // ---- what an administrator may grant (GD-1, US-4) ----

    private CurrentUser caller() {
        return currentUsers.getObject().current();
    }

    /**
     * A municipality's administrator grants only administrations they administer themselves and no right above
     * their own (a right left as it was is not a grant). The system administrator may grant any.
     */
    static void requireGrantable(CurrentUser caller, UserDocument before, UserDocument after) {
        if (caller.isSystemAdministrator()) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> mine = caller.administeredAdministrations();
        for (int i = 0; i < after.administrations.size(); i++) {
            if (!mine.contains(after.administrations.get(i))) {
                problems.add(new Problem("/administrations/" + i, "not-administered",
                        "You do not administer this administration."));
            }
        }
        Map<String, String> was = before == null || before.permissions == null ? Map.of() : before.permissions;
        after.permissions.forEach((m, l) -> {
            if (!l.equals(was.get(m)) && !caller.can(PlaceraModule.valueOf(m), AccessLevel.valueOf(l))) {
                problems.add(new Problem(Problem.pointer("permissions", m), "above-own",
                        "You cannot grant a right above your own."));
            }
        });
        Map<String, String> wasMethods = before == null || before.methodPermissions == null ? Map.of()
                : before.methodPermissions;
        after.methodPermissions.forEach((m, l) -> {
            if (!l.equals(wasMethods.get(m)) && !caller.canUseMethod(m, AccessLevel.valueOf(l))) {
                problems.add(new Problem(Problem.pointer("methodPermissions", m), "above-own",
                        "You cannot grant a right above your own."));
            }
        });
        if (!problems.isEmpty()) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "USER_GRANT_FORBIDDEN",
                    "You may grant only your own administrations and no right above your own.", problems);
        }
    }

    /** The fields that only change with a second administrator's approval (four eyes). */
    static List<Problem> identityChanges(UserDocument before, UserDocument after) {
        List<Problem> problems = new ArrayList<>();
        if (!before.administrations.equals(after.administrations)) {
            problems.add(new Problem("/administrations", "needs-approval", "Needs a second administrator."));
        }
        if (!Objects.equals(before.email, after.email)) {
            problems.add(new Problem("/email", "needs-approval", "Needs a second administrator."));
        }
        if (!Objects.equals(before.externalId, after.externalId)) {
            problems.add(new Problem("/keycloakId", "needs-approval", "Needs a second administrator."));
        }
        return problems;
    }

    private static UserDocument copyOf(UserDocument d) {
        UserDocument c = new UserDocument();
        c.administrations = new ArrayList<>(d.administrations);
        c.email = d.email;
        c.externalId = d.externalId;
        c.permissions = d.permissions == null ? Map.of() : new TreeMap<>(d.permissions);
        c.methodPermissions = d.methodPermissions == null ? Map.of() : new TreeMap<>(d.methodPermissions);
        return c;
    }

    /**
     * Applies an approved change of administrations, e-mail or Keycloak link (four eyes: {@link UserChanges}).
     * Null fields stay as they are.
     */
    UserDocument applyIdentityChange(UserDocument doc, List<String> administrations, String email,
            String keycloakId, String requestedBy, String approvedBy) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (administrations != null) {
            before.put("administrations", List.copyOf(doc.administrations));
            after.put("administrations", List.copyOf(administrations));
            doc.administrations = new ArrayList<>(administrations);
            doc.municipality = organisation.administration(administrations.getFirst())
                    .map(p -> p.municipality().id()).orElse(doc.municipality);
        }
        if (email != null) {
            before.put("email", doc.email);
            after.put("email", email);
            doc.email = email;
        }
        if (keycloakId != null) {
            before.put("keycloakId", doc.externalId == null ? "" : doc.externalId);
            after.put("keycloakId", keycloakId);
            doc.externalId = keycloakId.isBlank() ? null : keycloakId;
        }
        doc.updatedAt = clock.instant();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        change.put("requestedBy", requestedBy);
        change.put("approvedBy", approvedBy);
        doc.history.add(new UserDocument.Change(doc.updatedAt, approvedBy, "identity-changed", change));
        try {
            return write(doc, "user.update", change, false);
        } catch (DuplicateKeyException e) {
            throw PlaceraException.conflict("KEYCLOAK_ID_TAKEN", "Another account is linked to this Keycloak user.");
        }
    }

    /** Checks the fields of a change request the way an update would; returns the normalised values. */
    UserDocument validatedChange(UserDocument doc, List<String> administrations, String email) {
        var r = new UserRequest(null, doc.firstName, doc.lastName, email == null ? doc.email : email, null,
                null, administrations == null ? doc.administrations : administrations, null, Map.of(), Map.of(),
                null, false, null);
        return validated(new UserDocument(), r, false, doc.system);
    }

    private UserDocument validated(UserDocument doc, UserRequest r, boolean creating, boolean system) {
        List<Problem> problems = new ArrayList<>();
        if (r == null) {
            throw PlaceraException.invalid("USER_INVALID", "The request is empty.", List.of());
        }
        if (creating) {
            String username = r.username() == null ? "" : r.username().trim().toLowerCase(Locale.ROOT);
            if (!USERNAME.matcher(username).matches()) {
                problems.add(new Problem("/username", "invalid",
                        "2–64 characters: lower-case letters, digits, '.', '_', '-', '@'."));
            }
            doc.username = username;
        } else if (r.username() != null && !r.username().trim().equalsIgnoreCase(doc.username)) {
            problems.add(new Problem("/username", "immutable", "A user name cannot be changed."));
        }
        require(problems, "/firstName", r.firstName());
        require(problems, "/lastName", r.lastName());
        String email = r.email() == null ? "" : r.email().trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            problems.add(new Problem("/email", "invalid", "A valid e-mail address is required."));
        }
        List<String> admins = r.administrations() == null ? List.of() : r.administrations().stream()
                .filter(Objects::nonNull).distinct().toList();
        if (admins.isEmpty() && !system) {
            problems.add(new Problem("/administrations", "required", "At least one administration is required."));
        }
        String municipality = null;
        for (int i = 0; i < admins.size(); i++) {
            var placed = organisation.administration(admins.get(i));
            if (placed.isEmpty()) {
                problems.add(new Problem("/administrations/" + i, "unknown", "No such administration."));
            } else if (municipality == null) {
                municipality = placed.get().municipality().id();
            } else if (!municipality.equals(placed.get().municipality().id())) {
                problems.add(new Problem("/administrations/" + i, "other-municipality",
                        "All administrations of a user belong to one municipality."));
            }
        }
        Map<String, String> perms = new TreeMap<>();
        if (r.permissions() != null) {
            r.permissions().forEach((m, l) -> {
                if (!isModule(m)) {
                    problems.add(new Problem(Problem.pointer("permissions", m), "unknown-module", "No such module."));
                } else if (!isLevel(l)) {
                    problems.add(new Problem(Problem.pointer("permissions", m), "invalid", "READ, WRITE or ADMIN."));
                } else {
                    perms.put(m, l);
                }
            });
        }
        Map<String, String> methods = new TreeMap<>();
        if (r.methodPermissions() != null) {
            r.methodPermissions().forEach((m, l) -> {
                if (!isLevel(l)) {
                    problems.add(new Problem(Problem.pointer("methodPermissions", m), "invalid",
                            "READ, WRITE or ADMIN."));
                } else {
                    methods.put(m, l);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid("USER_INVALID", "The user has invalid fields.", problems);
        }
        doc.firstName = r.firstName().trim();
        doc.lastName = r.lastName().trim();
        doc.email = email;
        doc.phone = r.phone() == null ? null : r.phone().trim();
        doc.jobRole = r.jobRole() == null ? null : r.jobRole().trim();
        doc.administrations = new ArrayList<>(admins);
        doc.municipality = municipality;
        doc.team = r.team() == null ? null : r.team().trim();
        doc.permissions = perms;
        doc.methodPermissions = methods;
        if (r.keycloakId() != null) {
            doc.externalId = r.keycloakId().isBlank() ? null : r.keycloakId().trim();
        }
        return doc;
    }

    private static void require(List<Problem> problems, String pointer, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(pointer, "required", "Required."));
        }
    }

    private static boolean isModule(String m) {
        try {
            PlaceraModule.valueOf(m);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isLevel(String l) {
        try {
            AccessLevel.valueOf(l);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> rights(UserDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("administrations", List.copyOf(d.administrations));
        m.put("permissions", d.permissions == null ? Map.of() : new TreeMap<>(d.permissions));
        m.put("methodPermissions", d.methodPermissions == null ? Map.of() : new TreeMap<>(d.methodPermissions));
        return m;
    }

    private String describe(UserDocument d) {
        StringBuilder sb = new StringBuilder();
        for (String a : d.administrations) {
            organisation.administration(a).ifPresent(p -> sb.append("- Förvaltning: ")
                    .append(p.administration().name()).append(", ").append(p.municipality().name()).append('\n'));
        }
        if (d.permissions != null) {
            d.permissions.forEach((m, l) -> sb.append("- ").append(m).append(": ").append(l).append('\n'));
        }
        if (d.methodPermissions != null) {
            d.methodPermissions.forEach((m, l) -> sb.append("- Metod ").append(m).append(": ").append(l).append('\n'));
        }
        return sb.toString();
    }

    private void tell(UserDocument doc, String kind, String subject, String body) {
        events.publishEvent(new AccountMessage(kind, doc.username, doc.email, subject, body));
    }

    private void audit(String action, UserDocument doc, Map<String, Object> details) {
        events.publishEvent(audited(action, doc, details));
    }

    private static Audited audited(String action, UserDocument doc, Map<String, Object> details) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("account", doc.username);
        return new Audited(action, "user", doc.id, doc.administrations.isEmpty() ? null
                : doc.administrations.getFirst(), "success", d);
    }

    /**
     * Writes a change of an account together with its audit entry (issue #11, item 8): one single-document write,
     * conditional on the revision read (@Version), the entry in {@code pending} until the {@link Outbox} has
     * delivered it. If the delivery fails, the change stands and the sweep delivers the entry later (once).
     */
    private UserDocument write(UserDocument doc, String action, Map<String, Object> details, boolean insert) {
        long revision = doc.revision == null ? 0 : doc.revision + 1;
        List<PendingAudit> entries = new ArrayList<>(doc.pending == null ? List.of() : doc.pending);
        entries.add(new PendingAudit(PendingAudit.idOf(doc.id, revision), clock.instant(), actor(),
                currentUsers.getObject().find().map(CurrentUser::administrationId).orElse(null),
                audited(action, doc, details)));
        doc.pending = entries;
        UserDocument saved = insert ? mongo.insert(doc) : mongo.save(doc);
        outbox.deliver(source, saved);
        return saved;
    }

    /** Audit details of a change of one field, as {@code before}/{@code after} objects. */
    private static Map<String, Object> change(String field, Object before, Object after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", Map.of(field, before));
        details.put("after", Map.of(field, after));
        return details;
    }

    private String actor() {
        return currentUsers.getObject().actor();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
