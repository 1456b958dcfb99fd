package org.medhub.routes.mapping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medhub.routes.mapping.SourceLocation;

/** Every value of a JSON document is named by its line, its column and its JSONPath, however deep and however named. */
class JsonTreeTest {

    private static final JsonTree TREE = JsonTree.parse("""
            {"batch": "B1",
             "lines": [
               {"qty": 5, "it's": "x", "a/b": "y"}
             ]}""".getBytes(StandardCharsets.UTF_8));

    @Test
    void namesEachValueByItsLineColumnAndJsonPath() {
        assertThat(TREE.location("/batch")).isEqualTo(new SourceLocation(1, 11, "$['batch']"));
        assertThat(TREE.location("/lines/0/qty")).isEqualTo(new SourceLocation(3, 12, "$['lines'][0]['qty']"));
        assertThat(TREE.location("/lines/0/it's").path()).isEqualTo("$['lines'][0]['it\\'s']");
        assertThat(TREE.location("/lines/0/a~1b").path()).isEqualTo("$['lines'][0]['a/b']");
        assertThat(TREE.location("").path()).isEqualTo("$");
    }

    @Test
    void namesAPlaceTheDocumentDoesNotHaveByItsPathAlone() {
        assertThat(TREE.location("/lines/1/qty")).isEqualTo(new SourceLocation(0, 0, "$['lines'][1]['qty']"));
    }
}
