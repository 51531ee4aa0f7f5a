package se.placera.manual;

import java.util.List;

/** The user manual as the signed-in user may read it: the role pages, one page as HTML, its images and the PDF. */
public interface Manual {

    /** 404: no such page, or one the user may not read (a provider user and another role's page). */
    String PAGE_NOT_FOUND = "MANUAL_PAGE_NOT_FOUND";
    /** 404: no such image in a page the user may read. */
    String IMAGE_NOT_FOUND = "MANUAL_IMAGE_NOT_FOUND";

    /**
     * A page of the list. {@code role}: caseworker, administrator, provider, economist or reader; {@code forYou}:
     * the page describes what the user's own permissions let them do.
     */
    record ManualPageSummary(String id, String role, String title, String summary, boolean forYou) {
    }

    /** One page: {@code html} is rendered from Markdown with raw HTML escaped and links and images made app paths. */
    record ManualPage(String id, String role, String title, String summary, String html) {
    }

    /** The pages the user may read, in the manual's order. */
    List<ManualPageSummary> pages();

    ManualPage page(String id);

    /** A screenshot shown by a page the user may read (PNG bytes). */
    byte[] image(String name);

    /** The pages the user may read as one PDF (title page, contents, a chapter per page), or one page when given. */
    byte[] pdf(String id);
}
