package se.placera.forms.rules;

import java.util.List;

/** Rules that depend on each other in a cycle; {@link #cycle()} is one cycle path, e.g. {@code [a, b, a]}. */
public final class RuleCycleException extends RuntimeException {

    private final List<String> cycle;

    public RuleCycleException(List<String> cycle) {
        super("Cyclic rule dependencies: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    public List<String> cycle() {
        return cycle;
    }
}
