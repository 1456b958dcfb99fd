package org.medhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code medhub users}: operators managed from the command line through the running hub, audited as in the API. */
class UsersCommandIT extends HubIntegrationTest {

    private static final String PASSWORD = "Qw8-zT4!mn2vXc";

    @TempDir
    Path dir;

    @Autowired
    private AuditTrail audit;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createsGivesRolesAndDisablesAnOperatorAsTheAdministratorWhoRunsIt() throws IOException {
        Path password = Files.writeString(dir.resolve("new.password"), PASSWORD + "\n");

        assertThat(users("create", "zhao.lei", "--roles", "VIEWER", "--password-file", password.toString(),
                "--reason", "new QA viewer")).as(text(err)).isEqualTo(UsersCommand.DONE);
        assertThat(text(out)).contains("\"username\" : \"zhao.lei\"").doesNotContain(PASSWORD);
        assertThat(get("/api/messages", "zhao.lei", PASSWORD).statusCode()).isEqualTo(200);

        assertThat(users("roles", "zhao.lei", "--roles", "OPERATOR,VIEWER", "--reason", "covers nights")).isZero();
        assertThat(users("show", "zhao.lei")).isZero();
        assertThat(text(out)).contains("OPERATOR");
        assertThat(users("disable", "zhao.lei", "--reason", "left the company")).isZero();
        assertThat(get("/api/messages", "zhao.lei", PASSWORD).statusCode()).as("disabled").isEqualTo(401);

        assertThat(audit.about("user/zhao.lei")).extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
                .contains("admin user.create", "admin user.roles", "admin user.disable");
    }

    @Test
    void aRefusalNamesTheRuleAndExitsOneAndAMissingReasonOrPasswordFileIsAUsageError() throws IOException {
        Path weak = Files.writeString(dir.resolve("weak.password"), "short");

        assertThat(users("create", "wang.fang", "--roles", "VIEWER,KING", "--password-file", weak.toString(),
                "--reason", "test")).isEqualTo(UsersCommand.REFUSED);
        assertThat(text(err)).contains("KING").contains("password");
        assertThat(users("disable", "wang.fang")).isEqualTo(UsersCommand.USAGE);
        assertThat(text(err)).contains("--reason");
        assertThat(users("create", "wang.fang", "--roles", "VIEWER", "--reason", "test")).isEqualTo(UsersCommand.USAGE);
        assertThat(text(err)).contains("--password-file");
    }

    @Test
    void anOperatorWhosePasswordIsWrongIsRefused() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.password"), "not-the-admin-password");
        List<String> args = List.of("list", "--url", baseUrl(), "--as", "admin", "--as-password-file", wrong.toString());

        assertThat(UsersCommand.run(args, print(out), print(err))).isEqualTo(UsersCommand.REFUSED);
        assertThat(text(err)).contains("401");
    }

    /** Runs the command as the tests' administrator against the running hub. */
    private int users(String... arguments) throws IOException {
        out.reset();
        err.reset();
        Path admin = Files.writeString(dir.resolve("admin.password"), ADMIN_PASSWORD);
        List<String> args = new ArrayList<>(List.of(arguments));
        args.addAll(List.of("--url", baseUrl(), "--as-password-file", admin.toString()));
        return UsersCommand.run(args, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
