package se.placera.forms.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/** Orders rule nodes (e.g. questions) so that every node comes after the nodes it reads. */
public final class RuleGraph {

    private RuleGraph() {
    }

    /**
     * deps: node -> nodes it reads. Returns a topological order (dependencies first, ties kept in the given insertion
     * order of a LinkedHashMap), or throws RuleCycleException listing one cycle path, e.g. [a, b, a]. Unknown nodes in
     * deps are ignored.
     *
     * <p>Among the nodes whose dependencies are all placed, the one inserted first is placed next (Kahn's algorithm
     * with the insertion index as priority), so independent nodes keep their given order.
     */
    public static List<String> order(Map<String, Set<String>> deps) {
        Objects.requireNonNull(deps, "deps");
        List<String> nodes = new ArrayList<>(deps.keySet());
        int size = nodes.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < size; i++) {
            index.put(nodes.get(i), i);
        }
        int[] pending = new int[size];
        List<List<Integer>> dependents = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            for (int dependency : knownDependencies(nodes.get(i), deps, index)) {
                pending[i]++;
                dependents.get(dependency).add(i);
            }
        }

        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < size; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<String> order = new ArrayList<>(size);
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order.add(nodes.get(next));
            for (int dependent : dependents.get(next)) {
                if (--pending[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < size) {
            throw new RuleCycleException(findCycle(nodes, deps, index, pending));
        }
        return List.copyOf(order);
    }

    private static List<Integer> knownDependencies(String node, Map<String, Set<String>> deps,
                                                   Map<String, Integer> index) {
        Set<String> reads = deps.get(node);
        List<Integer> known = new ArrayList<>();
        if (reads != null) {
            for (String read : reads) {
                Integer dependency = read == null ? null : index.get(read);
                if (dependency != null && !known.contains(dependency)) {
                    known.add(dependency);
                }
            }
        }
        return known;
    }

    /** Every unplaced node still waits for an unplaced dependency, so following those edges must revisit a node. */
    private static List<String> findCycle(List<String> nodes, Map<String, Set<String>> deps,
                                          Map<String, Integer> index, int[] pending) {
        int current = 0;
        while (pending[current] == 0) {
            current++;
        }
        List<String> path = new ArrayList<>();
        Map<Integer, Integer> positions = new HashMap<>();
        while (!positions.containsKey(current)) {
            positions.put(current, path.size());
            path.add(nodes.get(current));
            int from = current;
            current = knownDependencies(nodes.get(from), deps, index).stream()
                    .filter(dependency -> pending[dependency] > 0)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No unplaced dependency of " + nodes.get(from)));
        }
        List<String> cycle = new ArrayList<>(path.subList(positions.get(current), path.size()));
        cycle.add(nodes.get(current));
        return cycle;
    }
}
