package se.placera.manual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.placera.documents.Books;
import se.placera.manual.Manual;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.PlaceraModule;
import se.placera.shared.PlaceraException;

/**
 * Who reads which page of the manual (the jar's copy of docs/manual), without the application: a provider user the
 * provider page only — another page, its images and its PDF are "not found" —, everyone else every page, each with
 * the page of their own role marked; and what the PDF is built from.
 */
class ManualServiceTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    final List<Books.Book> printed = new ArrayList<>();
    final Books books = book -> {
        printed.add(book);
        return new byte[] {'%', 'P', 'D', 'F'};
    };

    ManualService as(CurrentUser user) {
        return new ManualService(() -> Optional.of(user), books, CLOCK);
    }

    static CurrentUser user(Map<PlaceraModule, AccessLevel> permissions, String providerId) {
        return new CurrentUser("u1", "u1", "Test", "Person", "u1@example.org", "", "Exempelkommun",
                "Socialförvaltningen", "", Set.of(), "", providerId == null ? "sof" : null, List.of(),
                providerId == null ? Set.of("sof") : Set.of(), permissions, Map.of(), "", providerId);
    }

    static Map<PlaceraModule, AccessLevel> grants(AccessLevel rest, Object... levels) {
        Map<PlaceraModule, AccessLevel> m = new EnumMap<>(PlaceraModule.class);
        if (rest != null) {
            for (PlaceraModule module : PlaceraModule.values()) {
                m.put(module, rest);
            }
        }
        for (int i = 0; i < levels.length; i += 2) {
            m.put((PlaceraModule) levels[i], (AccessLevel) levels[i + 1]);
        }
        return m;
    }

    @Test
    void aProviderUserReadsOnlyTheProviderPageItsPdfAndNoOtherPagesImages() {
        ManualService manual = as(user(Map.of(), "utforare-1"));
        assertThat(manual.pages()).extracting(Manual.ManualPageSummary::id).containsExactly("provider");
        assertThat(manual.pages().get(0).forYou()).isTrue();
        assertThat(manual.page("provider").html()).contains("Svara på en förfrågan");
        assertThatThrownBy(() -> manual.page("caseworker")).isInstanceOfSatisfying(PlaceraException.class,
                e -> assertThat(e.code()).isEqualTo(Manual.PAGE_NOT_FOUND));
        assertThatThrownBy(() -> manual.pdf("caseworker")).isInstanceOfSatisfying(PlaceraException.class,
                e -> assertThat(e.code()).isEqualTo(Manual.PAGE_NOT_FOUND));
        assertThatThrownBy(() -> manual.image("case-view.png")).isInstanceOfSatisfying(PlaceraException.class,
                e -> assertThat(e.code()).isEqualTo(Manual.IMAGE_NOT_FOUND));
        manual.pdf(null);
        assertThat(printed.get(0).chapters()).extracting(Books.Chapter::id).containsExactly("provider");
    }

    @Test
    void theMunicipalitysUsersReadEveryPageWithTheirOwnRoleMarked() {
        ManualService caseworker = as(user(grants(AccessLevel.READ, PlaceraModule.PLACEMENT, AccessLevel.WRITE,
                PlaceraModule.FOLLOW_UP, AccessLevel.WRITE), null));
        assertThat(caseworker.pages()).extracting(Manual.ManualPageSummary::id)
                .containsExactly("caseworker", "administrator", "provider", "economist", "reader");
        assertThat(caseworker.pages()).filteredOn(Manual.ManualPageSummary::forYou)
                .extracting(Manual.ManualPageSummary::id).containsExactly("caseworker");
        assertThat(caseworker.image("case-view.png")).startsWith((byte) 0x89, (byte) 'P');
        assertThatThrownBy(() -> caseworker.image("application.yml")).isInstanceOf(PlaceraException.class);

        assertThat(ManualService.rolesOf(user(grants(AccessLevel.ADMIN), null)))
                .containsExactlyInAnyOrder("caseworker", "administrator", "economist");
        assertThat(ManualService.rolesOf(user(grants(null, PlaceraModule.REPORTS, AccessLevel.READ), null)))
                .containsExactly("reader");
        assertThat(ManualService.rolesOf(user(grants(AccessLevel.READ, PlaceraModule.ECONOMY, AccessLevel.WRITE),
                null))).containsExactly("economist");
    }

    @Test
    void thePdfIsBuiltFromThePagesWithTheirScreenshots() {
        ManualService manual = as(user(grants(AccessLevel.READ), null));
        manual.pdf(null);
        Books.Book book = printed.get(0);
        assertThat(book.title()).isEqualTo("Placera – handbok");
        assertThat(book.produced()).isEqualTo("Utskriven 2026-12-02");
        assertThat(book.contentsTitle()).isEqualTo("Innehåll");
        assertThat(book.chapters()).hasSize(5);
        assertThat(book.chapters().get(0).xhtml()).contains("<img src=\"case-view.png\"")
                .doesNotContain("/api/manual/images");
        assertThat(book.images()).containsKeys("case-view.png", "designer.png", "reader-start.png");
        manual.pdf(null);
        assertThat(printed).as("the same day's PDF is built once").hasSize(1);
    }
}
