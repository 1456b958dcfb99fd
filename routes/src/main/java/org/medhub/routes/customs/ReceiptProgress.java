package org.medhub.routes.customs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.StateMachine;

/**
 * Where a receipt takes a declaration. Customs' receipts can arrive late, twice or out of order (a clearance before the
 * release it implies); a declaration only ever moves forward along the dictionary's state machine: a receipt for a
 * later state takes it there through the states in between (each a version of its own, as if their receipts had come),
 * and a receipt for a state it has passed changes nothing.
 */
public final class ReceiptProgress {

    /** Never passed through on the way to another state: they end a declaration, they are not implied by a later one. */
    private static final Set<String> ENDINGS = Set.of("REJECTED", "CANCELLED");

    private final StateMachine machine;

    public ReceiptProgress() {
        this(DataDictionary.standard().entity("CustomsDeclaration").orElseThrow().stateMachine());
    }

    ReceiptProgress(StateMachine machine) {
        this.machine = machine;
    }

    /**
     * @return the states to go through, in order, ending with {@code target}; empty when the declaration is already
     *     there or past it (a duplicate or late receipt), or when nothing leads there (a receipt that contradicts it)
     */
    public List<String> steps(String current, String target) {
        if (current.equals(target)) {
            return List.of();
        }
        // breadth first: the shortest way forward, through states that do not end a declaration
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> next = new ArrayDeque<>(List.of(current));
        cameFrom.put(current, null);
        while (!next.isEmpty()) {
            String state = next.removeFirst();
            for (String following : machine.transitions().getOrDefault(state, List.of())) {
                if (cameFrom.containsKey(following) || (ENDINGS.contains(following) && !following.equals(target))) {
                    continue;
                }
                cameFrom.put(following, state);
                if (following.equals(target)) {
                    List<String> path = new ArrayList<>();
                    for (String at = target; !at.equals(current); at = cameFrom.get(at)) {
                        path.add(0, at);
                    }
                    return path;
                }
                next.addLast(following);
            }
        }
        return List.of();
    }
}
