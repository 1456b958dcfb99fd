package org.medhub.hub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.genealogy.Genealogy;
import org.medhub.hub.genealogy.RecallImpact;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code medhub trace <key>}: where a lot, batch, serial, case or shipment went ({@code --backward}: where it came
 * from), each link with the message and partner that made it; {@code --impact} prints what a recall of it reaches
 * (JSON, or {@code --csv}). Reads the hub's database like {@code audit verify}.
 */
final class TraceCommand {

    static final int FOUND = 0;
    static final int NOTHING = 1;
    static final int USAGE = 2;

    private TraceCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        CommandArgs args = new CommandArgs(arguments, Set.of("--backward", "--impact", "--csv"));
        if (args.positional().size() != 1) {
            err.println("usage: medhub trace <key or UDI> [--backward] [--depth N] [--impact [--csv]]"
                    + " [--jdbc-url URL --user NAME --password-file FILE] [--data-dir DIR]");
            return USAGE;
        }
        int depth;
        try {
            depth = args.option("--depth").map(Integer::parseInt).orElse(Genealogy.TO_THE_END);
        } catch (NumberFormatException e) {
            err.println("medhub trace: --depth must be a whole number");
            return USAGE;
        }
        Genealogy.Trace trace;
        SingleConnectionDataSource connection = null;
        try {
            DriverManagerDataSource database = AuditCommand.database(args);
            // a trace asks once per node reached: one connection for all, not one (and a password exchange) each
            connection = new SingleConnectionDataSource(database.getUrl(), database.getUsername(), database.getPassword(),
                    true);
            trace = new Genealogy(new JdbcTemplate(connection)).trace(args.positional().get(0),
                    args.flag("--backward") ? Genealogy.Direction.BACKWARD : Genealogy.Direction.FORWARD, depth);
        } catch (IOException | IllegalArgumentException e) {
            err.println("medhub trace: " + e.getMessage());
            return USAGE;
        } catch (DataAccessException e) {
            err.println("medhub trace: cannot read the genealogy: " + e.getMostSpecificCause().getMessage()
                    + " (with the embedded database, the hub must be running)");
            return USAGE;
        } finally {
            if (connection != null) {
                connection.destroy();
            }
        }
        if (trace.start().isEmpty()) {
            out.println("the genealogy holds no link of '" + trace.key() + "'");
            return NOTHING;
        }
        if (args.flag("--impact")) {
            RecallImpact impact = RecallImpact.of(trace);
            out.print(args.flag("--csv") ? impact.csv() : CanonicalJson.toText(impact) + "\n");
            return FOUND;
        }
        out.println(trace.direction().name().toLowerCase() + " from " + trace.key() + ": " + trace.links().size()
                + " link(s), " + trace.nodes().size() + " node(s)" + (trace.complete() ? "" : " (stopped at --depth " + depth + ")"));
        for (Genealogy.Link link : trace.links()) {
            out.println("  " + link.fromEntity() + " " + link.fromKey() + " -" + link.relation() + "-> " + link.toEntity() + " "
                    + link.toKey() + (link.quantity() == null ? "" : " (" + link.quantity().toPlainString() + " " + link.unit() + ")")
                    + "  [message " + link.messageId() + " from " + link.partner()
                    + (link.mappingId() == null ? "" : ", mapping " + link.mappingId() + " v" + link.mappingVersion()) + "]");
        }
        return FOUND;
    }
}
