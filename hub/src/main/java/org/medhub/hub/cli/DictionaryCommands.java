package org.medhub.hub.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.DictionaryDocs;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.evolution.Upcasters;
import org.medhub.canonical.udi.Udi;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * {@code medhub dictionary} and {@code medhub validate}: the data dictionary for people at a terminal.
 * Neither needs a broker or a database.
 */
final class DictionaryCommands {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private DictionaryCommands() {}

    static int dictionary(List<String> args, PrintStream out, PrintStream err) throws JsonProcessingException {
        String format = new CommandArgs(args, Set.of()).option("--format").orElse("md");
        switch (format) {
            case "md" -> out.print(DictionaryDocs.markdown(DataDictionary.standard()));
            case "json" -> out.println(CanonicalJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(DictionaryDocs.json(DataDictionary.standard())));
            default -> {
                err.println("medhub dictionary: --format must be md or json, not '" + format + "'");
                return USAGE;
            }
        }
        return OK;
    }

    static int validate(List<String> args, PrintStream out, PrintStream err) throws IOException {
        CommandArgs command = new CommandArgs(args, Set.of());
        List<String> positional = command.positional();
        if (positional.size() != 2) {
            err.println("usage: medhub validate udi '<GS1 element string, scan data or Digital Link>'\n"
                    + "       medhub validate <Entity> <record.json> [--charset GB18030] [--schema-version 1]");
            return USAGE;
        }
        if (positional.get(0).equalsIgnoreCase("udi")) {
            return udi(positional.get(1), out, err);
        }
        return record(positional.get(0), Path.of(positional.get(1)), command, out, err);
    }

    private static int udi(String text, PrintStream out, PrintStream err) {
        try {
            out.println(Udi.parse(text).toJson());
            return OK;
        } catch (InvalidRecordException e) {
            e.violations().forEach(v -> err.println(v));
            return INVALID;
        }
    }

    private static int record(String entityName, Path file, CommandArgs command, PrintStream out, PrintStream err)
            throws IOException {
        Optional<EntityDefinition> entity = DataDictionary.standard().entity(entityName);
        if (entity.isEmpty()) {
            err.println("medhub validate: '" + entityName + "' is not an entity of the dictionary; entities are "
                    + DataDictionary.standard().entities().stream().map(EntityDefinition::name).toList());
            return USAGE;
        }
        Charset charset;
        try {
            charset = Charset.forName(command.option("--charset").orElse(StandardCharsets.UTF_8.name()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            err.println("medhub validate: --charset '" + e.getMessage() + "' is not a character set this Java knows");
            return USAGE;
        }
        JsonNode record;
        try {
            record = CanonicalJson.mapper().readTree(Files.readString(file, charset));
        } catch (NoSuchFileException e) {
            err.println("medhub validate: no file " + file);
            return USAGE;
        } catch (JsonProcessingException e) {
            err.println(file + ": malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            return INVALID;
        }
        int version = Integer.parseInt(command.option("--schema-version").orElse(Integer.toString(entity.get().version())));
        if (version != entity.get().version()) {
            try {
                record = Upcasters.standard().toCurrent(entity.get(), version, record);
            } catch (IllegalArgumentException e) {
                err.println(file + ": " + e.getMessage());
                return INVALID;
            }
        }
        List<Violation> violations = RecordValidator.validate(entity.get(), record);
        if (!violations.isEmpty()) {
            violations.forEach(v -> err.println(file + ": " + v));
            return INVALID;
        }
        var result = CanonicalJson.mapper().createObjectNode()
                .put("entity", entity.get().name())
                .put("schemaVersion", entity.get().version())
                .put("businessKey", entity.get().businessKey().of(record))
                .put("valid", true);
        result.set("record", record);
        out.println(CanonicalJson.mapper().writeValueAsString(result));
        return OK;
    }


}
