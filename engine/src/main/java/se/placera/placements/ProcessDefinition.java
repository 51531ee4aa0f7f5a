package se.placera.placements;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled version of a {@code process} definition (PA-13): the states of a case, the transitions between them and
 * the tasks that entering a state creates. Immutable; a case pins the version it started on.
 *
 * @param id           the process id, e.g. {@code placering}
 * @param version      the published version (0 while validating a draft)
 * @param title        Swedish title
 * @param appliesWhen  CEL condition over the case's facts, or null for every case
 * @param initialState the state a new case starts in
 * @param states       the states, in the order the definition lists them
 * @param transitions  the transitions, in the order the definition lists them
 */
public record ProcessDefinition(String id, int version, String title, String appliesWhen, String initialState,
        List<State> states, List<Transition> transitions) {

    /** Who may take a transition or gets a task, relative to the case. */
    public enum Relation {
        /** The case's responsible caseworker. */
        RESPONSIBLE("responsible"),
        /** The case's coordinator. */
        COORDINATOR("coordinator"),
        /** A user with PLACEMENT ADMIN in the case's administration. */
        PLACEMENT_OFFICER("placement-officer"),
        /** Any of the above. */
        INVOLVED("involved");

        private final String code;

        Relation(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Relation> of(String code) {
            for (Relation r : values()) {
                if (r.code.equals(code)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** A task created when a case enters a state. */
    public record Task(String id, String title, Relation assignee, Integer dueInDays, String method) {
    }

    /** A state of a case. */
    public record State(String id, String title, boolean isFinal, String endReasonCodelist, List<Task> tasks) {
    }

    /**
     * A transition: the verb of {@code POST /api/cases/{id}/{verb}}. {@code decision} marks a transition that is a
     * decision of the case (the choice of a provider, the end of a placement): it is listed in "Mina beslut".
     * {@code placement} marks the transition that records the placement (unit, price, start): it is taken only with
     * one, by choosing an answer to an inquiry, never as a plain action.
     */
    public record Transition(String verb, String title, Set<String> from, String to, Set<Relation> allowed,
            String guard, String guardMessage, String requiresMethod, boolean decision, boolean placement) {

        public Transition(String verb, String title, Set<String> from, String to, Set<Relation> allowed,
                String guard, String guardMessage, String requiresMethod) {
            this(verb, title, from, to, allowed, guard, guardMessage, requiresMethod, false, false);
        }
    }

    public ProcessDefinition {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }

    public Optional<State> state(String stateId) {
        return states.stream().filter(s -> s.id().equals(stateId)).findFirst();
    }

    public Optional<Transition> transition(String verb) {
        return transitions.stream().filter(t -> t.verb().equals(verb)).findFirst();
    }

    /** The transitions that leave a state, in definition order. */
    public List<Transition> transitionsFrom(String stateId) {
        return transitions.stream().filter(t -> t.from().contains(stateId)).toList();
    }
}
