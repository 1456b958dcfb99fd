package org.medhub.hub.genealogy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Traces through the genealogy: forward (where did it go: batches, serials, cases, shipments, customers, countries,
 * declarations) or backward (where did it come from), to a depth or to the end, one indexed lookup per step. Every
 * link says which message made it, so which partner and which mapping.
 */
public class Genealogy {

    /** How far a trace goes when no depth is given: further than any real chain of production and shipping. */
    public static final int TO_THE_END = 64;
    /** A trace stops growing here: an answer beyond it would be unreadable, and its links say so. */
    static final int MAX_LINKS = 100_000;

    public enum Direction {
        FORWARD,
        BACKWARD
    }

    public record Node(String entity, String key) {}

    public record Link(String fromEntity, String fromKey, String toEntity, String toKey, String relation,
            BigDecimal quantity, String unit, String messageId, String partner, String mappingId, Integer mappingVersion) {

        Node from() {
            return new Node(fromEntity, fromKey);
        }

        Node to() {
            return new Node(toEntity, toKey);
        }
    }

    /**
     * @param start the nodes the key names (a key may name a node of several entities)
     * @param complete false when it stopped at the depth asked for, or at {@link #MAX_LINKS}, with more beyond
     */
    public record Trace(String from, String key, Direction direction, List<Node> start, List<Node> nodes, List<Link> links,
            boolean complete) {}

    private final JdbcTemplate jdbc;

    public Genealogy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Trace trace(String typed, Direction direction, int depth) {
        String key = TraceKeys.key(typed);
        boolean forward = direction == Direction.FORWARD;
        Set<Node> visited = new LinkedHashSet<>();
        List<Link> links = new ArrayList<>();
        List<Node> start = new ArrayList<>(jdbc.query("""
                select from_entity as entity, from_key as key from genealogy_edge where from_key = ?
                union select to_entity, to_key from genealogy_edge where to_key = ?""",
                (rs, i) -> new Node(rs.getString("entity"), rs.getString("key")), key, key));
        visited.addAll(start);
        Set<Node> frontier = new LinkedHashSet<>(start);
        boolean complete = true;
        for (int step = 0; !frontier.isEmpty(); step++) {
            if (step >= depth || links.size() >= MAX_LINKS) {
                complete = false;
                break;
            }
            Set<Node> next = new LinkedHashSet<>();
            for (Link link : step(frontier, forward)) {
                Node to = forward ? link.to() : link.from();
                links.add(link);
                if (visited.add(to)) {
                    next.add(to);
                }
            }
            frontier = next;
        }
        return new Trace(typed, key, direction, start, List.copyOf(visited), links, complete);
    }

    /** The links out of (or into) every node of the frontier, in one statement. */
    private List<Link> step(Set<Node> frontier, boolean forward) {
        String[] keys = frontier.stream().map(Node::key).distinct().toArray(String[]::new);
        String side = forward ? "from" : "to";
        return jdbc.query("select * from genealogy_edge where " + side + "_key = any(?) order by " + side + "_key, relation,"
                + " to_key, from_key", (rs, i) -> new Link(rs.getString("from_entity"), rs.getString("from_key"),
                        rs.getString("to_entity"), rs.getString("to_key"), rs.getString("relation"), rs.getBigDecimal("quantity"),
                        rs.getString("unit"), rs.getString("message_id"), rs.getString("partner"), rs.getString("mapping_id"),
                        (Integer) rs.getObject("mapping_version")), (Object) keys).stream()
                .filter(link -> frontier.contains(forward ? link.from() : link.to())).toList();
    }
}
