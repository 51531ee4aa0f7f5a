package se.placera.support;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import se.placera.placements.PlacementCases;

/**
 * Records a placement on a case as choosing a provider's answer does ({@code besluta} is taken only with a placement,
 * never as a plain action), for tests that need a placed case but not the inquiry round that leads to it.
 */
public final class Placing {

    private Placing() {
    }

    /**
     * Places the case as {@code username} at a test unit, starting on the case's wanted start date (today when it has
     * none); returns the case's new revision.
     */
    public static long place(PlacementCases cases, Api api, String username, String caseId) {
        return place(cases, api, username, caseId, "Test.");
    }

    /** As {@link #place(PlacementCases, Api, String, String)}, with the caseworker's reason for the choice. */
    public static long place(PlacementCases cases, Api api, String username, String caseId, String reason) {
        JsonNode c = api.get("/api/cases/" + caseId).expect(200).json();
        long revision = c.get("revision").asLong();
        JsonNode wanted = c.path("wantedStart");
        LocalDate start = wanted.isString() ? LocalDate.parse(wanted.asString()) : null;
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return cases.recordPlacement(caseId, "besluta", new PlacementCases.Placement(revision, "test-unit",
                    "Testenheten", "test-provider", "Testutföraren AB", 4000, start, null, null, reason))
                    .revision();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
