package org.medhub.routes.mapping;

import java.util.Map;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/**
 * One step a field rule takes after it has read its value: {@code trim}, {@code codes}, {@code lookup}... Each is a
 * record of what its keys said, so that two mappings that read alike are equal (a partner reload compares them). It
 * reads itself from the keys of a field rule ({@link TransformKind}), changes a value, and names what it did in the
 * value's lineage. The grammar's transforms, in the order a rule applies them, are {@code Transforms.ALL}.
 */
public interface Transform {

    /**
     * The value after this step, its lineage extended ({@code value.withText(…, "upper")}); null when nothing is
     * left of it (then the field's default applies), or {@link Value#FAILED} after a violation.
     */
    Value apply(Value value, TransformContext context);

    /**
     * Canonical values this step writes whatever the source says, by their key below the rule ({@code codes.PCS}
     * to {@code EA}): into an enum field, they must be among its values, which the reader checks.
     */
    default Map<String, String> fixedValues() {
        return Map.of();
    }
}
