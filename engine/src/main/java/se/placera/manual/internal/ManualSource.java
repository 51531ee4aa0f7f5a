package se.placera.manual.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The manual's Markdown files: front matter ({@code role}, {@code order}, {@code summary} between {@code ---} lines),
 * a body that opens with its {@code # title}. Pages may link only to each other ({@code other.md},
 * {@code other.md#anchor}, {@code #anchor}), to the web (http, https, mailto), and show screenshots of
 * {@code ../screenshots/name.png} — the paths that work on the repository's web view too. {@link #problems()} lists
 * every rule a file breaks (the manual's link check); rendering escapes raw HTML and drops other link schemes.
 * A heading's anchor is the slug of its text ({@code #mina-arenden}); rendered ids are {@code <page>-<slug>}, the
 * same in the app and the PDF, whose chapters have the page's id.
 */
final class ManualSource {

    /** The roles, in the manual's order of presentation when pages share an order. */
    static final List<String> ROLES = List.of("caseworker", "administrator", "provider", "economist", "reader");

    static final Pattern SCREENSHOT = Pattern.compile("\\.\\./screenshots/([a-z0-9][a-z0-9-]*\\.png)");
    private static final Pattern PAGE_LINK = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.md(?:#([a-z0-9-]+))?");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Parser PARSER = Parser.builder().build();

    /** A page: {@code images} the screenshot file names it shows, {@code anchors} its heading ids. */
    record Page(String id, String role, int order, String title, String summary, String markdown,
            Set<String> images, Set<String> anchors) {
    }

    /** Where a rendering is shown: the app (HTML, image URLs) or the PDF (XHTML, image names, in-book links). */
    enum Target { APP, PDF }

    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param files             the Markdown files by file name ({@code caseworker.md})
     * @param screenshotExists  whether {@code docs/screenshots/<name>} exists
     */
    ManualSource(Map<String, String> files, Predicate<String> screenshotExists) {
        List<Page> read = new ArrayList<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            Page page = read(file.getKey(), file.getValue());
            if (page != null) {
                read.add(page);
            }
        }
        read.sort((a, b) -> a.order() != b.order() ? Integer.compare(a.order(), b.order())
                : Integer.compare(ROLES.indexOf(a.role()), ROLES.indexOf(b.role())));
        read.forEach(p -> pages.put(p.id(), p));
        for (String role : ROLES) {
            if (read.stream().noneMatch(p -> p.role().equals(role))) {
                problems.add("no page has role " + role + " (every role has a manual)");
            }
        }
        for (Page page : read) {
            check(page, screenshotExists);
        }
    }

    List<Page> pages() {
        return List.copyOf(pages.values());
    }

    Page page(String id) {
        return pages.get(id);
    }

    /** What is wrong with the manual, one line per problem naming the file; empty when it is fine. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private Page read(String file, String text) {
        String id = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
        if (!ID.matcher(id).matches()) {
            problems.add(file + ": file names are lower-case letters, digits and hyphens");
            return null;
        }
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n") || normalized.indexOf("\n---\n", 3) < 0) {
            problems.add(file + ": no front matter (role, order, summary between --- lines)");
            return null;
        }
        int end = normalized.indexOf("\n---\n", 3);
        Map<String, String> front = new LinkedHashMap<>();
        for (String line : normalized.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                front.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String markdown = normalized.substring(end + 5);
        String role = front.getOrDefault("role", "");
        if (!ROLES.contains(role)) {
            problems.add(file + ": role '" + role + "' is not one of " + ROLES);
        }
        int order;
        try {
            order = Integer.parseInt(front.getOrDefault("order", ""));
        } catch (NumberFormatException e) {
            problems.add(file + ": order is not a whole number");
            order = 99;
        }
        String summary = front.getOrDefault("summary", "");
        if (summary.isBlank()) {
            problems.add(file + ": no summary");
        }
        Node doc = PARSER.parse(markdown);
        String title = doc.getFirstChild() instanceof Heading h && h.getLevel() == 1 ? text(h) : null;
        if (title == null) {
            problems.add(file + ": the page does not open with its # title");
            title = id;
        }
        Set<String> images = new LinkedHashSet<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Matcher m = SCREENSHOT.matcher(image.getDestination());
                if (m.matches()) {
                    images.add(m.group(1));
                }
            }
        });
        return new Page(id, role, order, title, summary, markdown, Set.copyOf(images),
                Set.copyOf(headingSlugs(doc).values()));
    }

    private void check(Page page, Predicate<String> screenshotExists) {
        String file = page.id() + ".md";
        PARSER.parse(page.markdown()).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String dest = image.getDestination();
                Matcher m = SCREENSHOT.matcher(dest);
                if (!m.matches()) {
                    problems.add(file + ": image " + dest + " is not a screenshot of ../screenshots/*.png");
                } else if (!screenshotExists.test(m.group(1))) {
                    problems.add(file + ": image " + dest + " does not exist");
                }
                if (text(image).isBlank()) {
                    problems.add(file + ": image " + dest + " has no alternative text");
                }
            }

            @Override
            public void visit(Link link) {
                String dest = link.getDestination();
                String problem = linkProblem(page, dest);
                if (problem != null) {
                    problems.add(file + ": link " + dest + " " + problem);
                }
                visitChildren(link);
            }
        });
    }

    private String linkProblem(Page page, String dest) {
        if (dest.startsWith("https://") || dest.startsWith("http://") || dest.startsWith("mailto:")) {
            return null;
        }
        if (dest.startsWith("#")) {
            return page.anchors().contains(dest.substring(1)) ? null : "names no heading of this page";
        }
        Matcher m = PAGE_LINK.matcher(dest);
        if (!m.matches()) {
            return "leads outside the manual (only other.md, other.md#heading, #heading and web addresses)";
        }
        Page target = pages.get(m.group(1));
        if (target == null) {
            return "names a page that does not exist";
        }
        if (m.group(2) != null && !target.anchors().contains(m.group(2))) {
            return "names no heading of " + target.id() + ".md";
        }
        return null;
    }

    /** The page's body as HTML (app) or an XHTML fragment (PDF). */
    String render(Page page, Target target, Function<String, String> imageUrl) {
        Node doc = PARSER.parse(page.markdown());
        Map<Node, String> ids = headingSlugs(doc);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Matcher m = SCREENSHOT.matcher(image.getDestination());
                image.setDestination(m.matches() ? imageUrl.apply(m.group(1)) : "");
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                link.setDestination(destination(page, link.getDestination(), target));
                visitChildren(link);
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    String slug = ids.get(node);
                    if (slug != null) {
                        attributes.put("id", page.id() + "-" + slug);
                    }
                }).build();
        return renderer.render(doc);
    }

    private static String destination(Page page, String dest, Target target) {
        if (dest.startsWith("#")) {
            return "#" + page.id() + "-" + dest.substring(1);
        }
        Matcher m = PAGE_LINK.matcher(dest);
        if (!m.matches()) {
            return dest;
        }
        String other = m.group(1);
        String anchor = m.group(2) == null ? "" : "#" + other + "-" + m.group(2);
        if (target == Target.PDF) {
            return anchor.isEmpty() ? "#" + other : anchor;
        }
        return "/app/handbok/" + other + anchor;
    }

    /** Each heading's slug (its id without the page's prefix), numbered when a slug repeats in the page. */
    private static Map<Node, String> headingSlugs(Node doc) {
        Map<Node, String> slugs = new IdentityHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String base = slug(text(heading));
                String slug = base;
                for (int n = 2; !used.add(slug); n++) {
                    slug = base + "-" + n;
                }
                slugs.put(heading, slug);
            }
        });
        return slugs;
    }

    /** Lower case, å ä ö and accents to their letter, anything else to single hyphens. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "rubrik" : slug;
    }

    private static String text(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                sb.append(code.getLiteral());
            }
        });
        return sb.toString().strip();
    }
}
