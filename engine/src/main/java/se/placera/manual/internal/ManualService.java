package se.placera.manual.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import se.placera.documents.Books;
import se.placera.manual.Manual;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.PlaceraException;
import se.placera.shared.SwedishTime;

/**
 * The manual of the jar ({@code docs/manual/*.md} and {@code docs/screenshots/*.png}, copied there by the build from
 * the repository's docs): read once at start, each page rendered once for the app; the PDF is built on demand and
 * kept per set of pages and day. Who reads what is {@link #readable}: provider users the provider page only,
 * everyone else every page. The manual is no client data: reads are not audited.
 */
@Service
class ManualService implements Manual {

    private static final Logger log = LoggerFactory.getLogger(ManualService.class);
    static final String PAGES = "classpath*:docs/manual/*.md";
    static final String SCREENSHOTS = "docs/screenshots/";

    private final CurrentUsers users;
    private final Books books;
    private final Clock clock;
    private final ManualSource source;
    private final Map<String, String> html = new LinkedHashMap<>();
    private final Map<String, byte[]> pdfs = new ConcurrentHashMap<>();

    ManualService(CurrentUsers users, Books books, Clock clock) {
        this.users = users;
        this.books = books;
        this.clock = clock;
        this.source = new ManualSource(files(), name -> classpath(SCREENSHOTS + name) != null);
        source.problems().forEach(p -> log.warn("Manual: {}", p));
        for (ManualSource.Page page : source.pages()) {
            html.put(page.id(), source.render(page, ManualSource.Target.APP, name -> "/api/manual/images/" + name));
        }
    }

    @Override
    public List<ManualPageSummary> pages() {
        CurrentUser user = users.current();
        Set<String> roles = rolesOf(user);
        return readable(user).stream().map(p -> new ManualPageSummary(p.id(), p.role(), p.title(), p.summary(),
                roles.contains(p.role()))).toList();
    }

    @Override
    public ManualPage page(String id) {
        ManualSource.Page page = readablePage(id);
        return new ManualPage(page.id(), page.role(), page.title(), page.summary(), html.get(page.id()));
    }

    @Override
    public byte[] image(String name) {
        boolean shown = readable(users.current()).stream().anyMatch(p -> p.images().contains(name));
        byte[] bytes = shown ? classpath(SCREENSHOTS + name) : null;
        if (bytes == null) {
            throw PlaceraException.notFound(IMAGE_NOT_FOUND, "No such image in the manual.");
        }
        return bytes;
    }

    @Override
    public byte[] pdf(String id) {
        List<ManualSource.Page> pages = id == null ? readable(users.current()) : List.of(readablePage(id));
        LocalDate today = SwedishTime.today(clock);
        String key = today + ":" + String.join(",", pages.stream().map(ManualSource.Page::id).toList());
        if (pdfs.size() > 32) {
            pdfs.clear();
        }
        return pdfs.computeIfAbsent(key, k -> books.pdf(book(pages, id == null, today)));
    }

    private Books.Book book(List<ManualSource.Page> pages, boolean whole, LocalDate today) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        List<Books.Chapter> chapters = pages.stream().map(p -> {
            p.images().forEach(name -> images.computeIfAbsent(name, n -> classpath(SCREENSHOTS + n)));
            return new Books.Chapter(p.id(), p.title(), source.render(p, ManualSource.Target.PDF, name -> name));
        }).toList();
        images.values().removeIf(java.util.Objects::isNull);
        String title = whole ? "Placera – handbok" : pages.get(0).title();
        String subtitle = whole ? String.join(", ", pages.stream().map(ManualSource.Page::title).toList())
                : pages.get(0).summary();
        return new Books.Book(title, subtitle, "Utskriven " + today, "Innehåll", chapters, images);
    }

    private ManualSource.Page readablePage(String id) {
        return readable(users.current()).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> PlaceraException.notFound(PAGE_NOT_FOUND, "No such page in the manual."));
    }

    /** The pages a user may read: a provider user the provider manual only, anyone else all of them. */
    List<ManualSource.Page> readable(CurrentUser user) {
        if (user.isProviderUser()) {
            return source.pages().stream().filter(p -> p.role().equals("provider")).toList();
        }
        return source.pages();
    }

    /** The roles whose manual describes what the user's permissions let them do. */
    static Set<String> rolesOf(CurrentUser user) {
        if (user.isProviderUser()) {
            return Set.of("provider");
        }
        Set<String> roles = new java.util.LinkedHashSet<>();
        if (user.can(PlaceraModule.PLACEMENT, AccessLevel.WRITE) || user.can(PlaceraModule.FOLLOW_UP, AccessLevel.WRITE)) {
            roles.add("caseworker");
        }
        if (user.can(PlaceraModule.ADMIN_CONSOLE, AccessLevel.WRITE) || user.can(PlaceraModule.REGISTER, AccessLevel.WRITE)
                || user.isSystemAdministrator()) {
            roles.add("administrator");
        }
        if (user.can(PlaceraModule.ECONOMY, AccessLevel.WRITE)) {
            roles.add("economist");
        }
        if (roles.isEmpty()) {
            roles.add("reader");
        }
        return Set.copyOf(roles);
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(PAGES)) {
                try (InputStream in = r.getInputStream()) {
                    files.putIfAbsent(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The manual cannot be read", e);
        }
        return files;
    }

    private static byte[] classpath(String path) {
        try (InputStream in = ManualService.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
