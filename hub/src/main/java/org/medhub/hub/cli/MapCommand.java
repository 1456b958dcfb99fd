package org.medhub.hub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.partner.ConfigProblem;
import org.medhub.hub.partner.PartnerFileReader;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.mapping.InMemoryCanonicalLookup;
import org.medhub.routes.mapping.MappedEnvelopes;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingEngine;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingSpecException;
import org.medhub.routes.mapping.MappingSpecReader;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.OutboundRenderer;
import org.medhub.routes.partner.InboundMessageType;

/**
 * {@code medhub map}: runs a mapping over a file the way the hub would, with no broker or database. Inbound, it
 * prints one canonical envelope per line; outbound, the subscriber's document. Errors name their place in the
 * source; the exit code is 0 when the file maps, 1 when it does not, 2 for a usage or configuration problem.
 */
final class MapCommand {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private static final String HELP = """
            usage: medhub map --partner <id> [--message-type <name>] <file>
                   medhub map --mapping <mapping.yml> <file>
            options:
              --config-dir <dir>   where partners/ and mappings/ are (default: config)
              --charset <name>     read the file in this charset (default: the mapping's, else UTF-8)
              --lookup <file.json> canonical records a lookup rule may find: {"Product": [{...}], ...}
              --lineage            print each envelope with the rule and source value of every field
            An outbound mapping (direction: outbound) reads canonical records (a JSON object, an array,
            or JSON lines) and prints the document it renders.""";

    private MapCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err, Clock clock) throws IOException {
        CommandArgs command = new CommandArgs(args, Set.of("--lineage"));
        List<String> positional = command.positional();
        Optional<String> partner = command.option("--partner");
        Optional<String> mappingFile = command.option("--mapping");
        if (positional.size() != 1 || partner.isPresent() == mappingFile.isPresent()) {
            err.println(HELP);
            return USAGE;
        }
        Path file = Path.of(positional.get(0));
        Path configDir = Path.of(command.option("--config-dir").orElse("config"));
        MappingSpec spec;
        String source;
        if (partner.isPresent()) {
            Optional<MappingSpec> fromPartner = partnerMapping(configDir, partner.get(), command.option("--message-type"), err);
            if (fromPartner.isEmpty()) {
                return USAGE;
            }
            spec = fromPartner.get();
            source = partner.get();
        } else {
            try {
                spec = new MappingSpecReader().readOrThrow(Path.of(mappingFile.get()));
            } catch (MappingSpecException e) {
                e.problems().forEach(err::println);
                return USAGE;
            }
            source = "local";
        }
        Optional<String> charset = command.option("--charset");
        if (charset.isPresent()) {
            try {
                spec = spec.withCharset(Charset.forName(charset.get()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                err.println("medhub map: --charset '" + charset.get() + "' is not a character set this Java knows");
                return USAGE;
            }
        }
        CanonicalLookup lookup = CanonicalLookup.none();
        Optional<String> lookupFile = command.option("--lookup");
        if (lookupFile.isPresent()) {
            lookup = InMemoryCanonicalLookup.of(CanonicalJson.mapper().readTree(Path.of(lookupFile.get()).toFile()));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("medhub map: no file " + file);
            return USAGE;
        }
        if (spec.direction() == MappingSpec.Direction.OUTBOUND) {
            return render(spec, file, bytes, lookup, out, err);
        }
        return map(spec, source, file, bytes, lookup, command.flag("--lineage"), out, err, clock);
    }

    private static int map(MappingSpec spec, String source, Path file, byte[] bytes, CanonicalLookup lookup,
            boolean lineage, PrintStream out, PrintStream err, Clock clock) throws IOException {
        List<MappedRecord> records;
        try {
            records = new MappingEngine(lookup).map(spec, bytes);
        } catch (MappingException e) {
            if (e.violations().isEmpty()) {
                err.println(file + ": " + e.getMessage());
            }
            e.violations().forEach(v -> err.println(describe(file, v)));
            return INVALID;
        }
        if (records.isEmpty()) {
            err.println(file + ": mapping " + spec.id() + " v" + spec.version() + " selected no record in this document");
        }
        for (MappedRecord record : records) {
            JsonNode envelope = CanonicalJson.mapper().valueToTree(MappedEnvelopes.of(source, record, clock.instant()));
            if (lineage) {
                ObjectNode line = CanonicalJson.mapper().createObjectNode();
                line.set("envelope", envelope);
                ObjectNode fields = line.putObject("lineage");
                record.lineageText().forEach(fields::put);
                out.println(CanonicalJson.mapper().writeValueAsString(line));
            } else {
                out.println(CanonicalJson.mapper().writeValueAsString(envelope));
            }
        }
        return OK;
    }

    private static int render(MappingSpec spec, Path file, byte[] bytes, CanonicalLookup lookup, PrintStream out,
            PrintStream err) {
        List<JsonNode> records = new ArrayList<>();
        try {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (text.startsWith("[")) {
                CanonicalJson.mapper().readTree(text).forEach(records::add);
            } else {
                try (var parser = CanonicalJson.mapper().createParser(text)) {
                    CanonicalJson.mapper().readValues(parser, JsonNode.class).forEachRemaining(records::add);
                }
            }
        } catch (IOException e) {
            err.println(file + ": canonical records must be JSON (an object, an array, or JSON lines): " + e.getMessage());
            return INVALID;
        }
        // An envelope as `medhub map` prints it carries its record under payload.
        records.replaceAll(r -> r.has("payload") && r.has("entity") ? r.get("payload") : r);
        try {
            out.write(new OutboundRenderer(lookup).render(spec, records));
            out.println();
            return OK;
        } catch (MappingException e) {
            err.println(file + ": " + e.getMessage());
            e.violations().forEach(v -> err.println(describe(file, v)));
            return INVALID;
        } catch (IOException e) {
            err.println("medhub map: " + e.getMessage());
            return INVALID;
        }
    }

    /** {@code file:line:column: records[0] #2: field: message [rule] (path)}: how compilers report, for editors. */
    static String describe(Path file, MappingViolation v) {
        StringBuilder text = new StringBuilder(file.toString());
        if (v.location().hasLine()) {
            text.append(':').append(v.location().line());
            if (v.location().column() > 0) {
                text.append(':').append(v.location().column());
            }
        }
        text.append(": ");
        if (!v.record().isEmpty()) {
            text.append(v.record());
            if (v.item() >= 0) {
                text.append(" #").append(v.item());
            }
            text.append(": ");
        }
        if (!v.field().isEmpty() && !v.message().startsWith(v.field())) {
            text.append(v.field()).append(": ");
        }
        text.append(v.message()).append(" [").append(v.rule()).append(']');
        if (v.location().path() != null && !v.location().path().isEmpty()) {
            text.append(" at ").append(v.location().path());
        }
        return text.toString();
    }

    private static Optional<MappingSpec> partnerMapping(Path configDir, String partner, Optional<String> messageType,
            PrintStream err) {
        Path file = configDir.resolve("partners").resolve(partner + ".yml");
        if (!Files.isRegularFile(file)) {
            err.println("medhub map: no partner '" + partner + "': " + file + " does not exist");
            return Optional.empty();
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, InboundMessageType> types = PartnerFileReader.inboundOf(file, s -> s, problems);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return Optional.empty();
        }
        if (types.isEmpty()) {
            err.println("medhub map: partner '" + partner + "' sends nothing (no inbound message types in " + file + ")");
            return Optional.empty();
        }
        String name = messageType.orElse(types.size() == 1 ? types.keySet().iterator().next() : null);
        if (name == null || !types.containsKey(name)) {
            err.println("medhub map: name the message type with --message-type; partner '" + partner + "' has "
                    + types.keySet());
            return Optional.empty();
        }
        return Optional.of(types.get(name).mapping());
    }


}
