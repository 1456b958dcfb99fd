package org.medhub.hub.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.medhub.hub.audit.AuditChain;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code medhub audit verify}: proves the audit trail's hash chain whole, or names the first row that is not, by
 * reading the hub's database directly. With no connection given it reads the embedded one of the data directory
 * (the hub must be running); {@code --jdbc-url}, or {@code SPRING_DATASOURCE_URL}, names another.
 */
final class AuditCommand {

    static final int WHOLE = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;

    private AuditCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        CommandArgs args = new CommandArgs(arguments, Set.of());
        if (!args.positional().equals(List.of("verify"))) {
            err.println("usage: medhub audit verify [--jdbc-url URL --user NAME --password-file FILE] [--data-dir DIR]");
            return USAGE;
        }
        DriverManagerDataSource database;
        try {
            database = database(args);
        } catch (IOException | IllegalArgumentException e) {
            err.println("medhub audit verify: " + e.getMessage());
            return USAGE;
        }
        AuditChain.Verification verification;
        try {
            verification = AuditChain.verify(new JdbcTemplate(database));
        } catch (DataAccessException e) {
            err.println("medhub audit verify: cannot read the audit trail at " + database.getUrl() + ": "
                    + e.getMostSpecificCause().getMessage() + " (with the embedded database, the hub must be running)");
            return USAGE;
        }
        if (verification.whole()) {
            out.println("audit trail whole: " + verification.rows() + " rows, each hash following from its row and the one before");
            return WHOLE;
        }
        out.println("audit trail BROKEN at row " + verification.firstBroken() + ": its hash does not follow from its"
                + " content and the row before; it and every later row cannot be trusted");
        return BROKEN;
    }

    /** The database named by --jdbc-url (or SPRING_DATASOURCE_URL), else the embedded one of --data-dir. */
    static DriverManagerDataSource database(CommandArgs args) throws IOException {
        String url = args.option("--jdbc-url").orElse(System.getenv("SPRING_DATASOURCE_URL"));
        if (url != null) {
            String user = args.option("--user").orElse(System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"));
            String password = args.option("--password-file").isPresent()
                    ? Files.readString(Path.of(args.option("--password-file").get())).strip()
                    : System.getenv("SPRING_DATASOURCE_PASSWORD");
            return new DriverManagerDataSource(url, user, password);
        }
        Path dataDir = Path.of(args.option("--data-dir").orElse(System.getenv().getOrDefault("MEDHUB_DATA_DIR", "data")));
        Path ports = dataDir.resolve("postgresql/ports.properties");
        if (!Files.exists(ports)) {
            throw new IllegalArgumentException("no embedded database in " + dataDir.toAbsolutePath()
                    + "; give --data-dir, or --jdbc-url for another database");
        }
        Properties known = new Properties();
        try (InputStream in = Files.newInputStream(ports)) {
            known.load(in);
        }
        return new DriverManagerDataSource("jdbc:postgresql://localhost:" + known.getProperty("postgresql") + "/medhub",
                "postgres", Files.readString(dataDir.resolve("secrets/postgresql.password")).strip());
    }
}
