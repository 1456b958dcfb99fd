package org.medhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medhub customs check}: a declaration that may leave, one with findings, and a file that is no bundle. */
class CustomsCommandTest {

    /** The routes module's sample bundle: a declaration of syringes and catheters with its records. */
    private static final Path SAMPLE = Path.of("../routes/src/test/resources/customs/bundle.json");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheDeclarationThatMayLeaveWithItsChineseTextIntact() {
        assertThat(run(SAMPLE)).isEqualTo(CustomsCommand.MAY_LEAVE);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("declaration CS20261204001 may leave:")
                .contains("一次性使用无菌注射器");
    }

    @Test
    void printsEachFindingAndExitsOne() throws Exception {
        Path changed = dir.resolve("bundle.json");
        Files.writeString(changed, Files.readString(SAMPLE, StandardCharsets.UTF_8)
                .replace("\"netWeight\": {\"value\": 480.25", "\"netWeight\": {\"value\": 600")
                .replace("\"hsCode\": \"9018390000\"", "\"hsCode\": \"8471300000\""), StandardCharsets.UTF_8);

        assertThat(run(changed)).isEqualTo(CustomsCommand.FINDINGS);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 finding(s)")
                .contains("hs-code: lines[1].hsCode = '8471300000'").contains("weights: netWeight");
    }

    @Test
    void aFileThatIsNoBundleIsAUsageError() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"CustomsDeclaration\": ", StandardCharsets.UTF_8);

        assertThat(run(broken)).isEqualTo(CustomsCommand.USAGE);
        assertThat(run(dir.resolve("missing.json"))).isEqualTo(CustomsCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
    }

    private int run(Path file) {
        return Cli.run(new String[] {"customs", "check", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
