package org.medhub.hub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.routes.customs.CustomsBundle;
import org.medhub.routes.customs.Finding;
import org.medhub.routes.customs.Preflight;
import org.medhub.routes.customs.PreflightSettings;

/**
 * {@code medhub customs check <bundle.json>}: the pre-flight check of a declaration, offline, before anyone submits it.
 * The bundle holds canonical records by entity name (the declaration and the invoice, products, registration
 * certificates, shipment and batches it refers to). Prints each finding and exits 1, or prints the declaration that may
 * leave and exits 0.
 */
final class CustomsCommand {

    static final int MAY_LEAVE = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;

    private CustomsCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        CommandArgs args = new CommandArgs(arguments, Set.of());
        if (args.positional().size() != 2 || !args.positional().get(0).equals("check")) {
            err.println("usage: medhub customs check <bundle.json>   (canonical records by entity name, UTF-8)");
            return USAGE;
        }
        Path file = Path.of(args.positional().get(1));
        CustomsBundle bundle;
        try {
            JsonNode json = CanonicalJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            bundle = CustomsBundle.read(json);
        } catch (IOException e) {
            err.println("medhub customs check: cannot read " + file + ": " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("medhub customs check: " + file + " is not a bundle of valid records:\n" + e.getMessage());
            return USAGE;
        }
        List<Finding> findings = new Preflight(PreflightSettings.defaults()).check(bundle);
        if (!findings.isEmpty()) {
            out.println("declaration " + bundle.declaration().clientSeqNo() + ": " + findings.size()
                    + " finding(s); it may not leave:");
            findings.forEach(finding -> out.println("  " + finding));
            return FINDINGS;
        }
        out.println("declaration " + bundle.declaration().clientSeqNo() + " may leave:");
        out.println(new String(CanonicalJson.sortedBytes(CanonicalJson.mapper().valueToTree(bundle.declaration())),
                StandardCharsets.UTF_8));
        return MAY_LEAVE;
    }
}
