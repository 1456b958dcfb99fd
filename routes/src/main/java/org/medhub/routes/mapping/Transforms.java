package org.medhub.routes.mapping;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The transforms of the mapping grammar, in the order a field rule applies them, whatever order its keys are in. */
final class Transforms {

    static final List<TransformKind> ALL = List.of(
            Trim.KIND,
            Split.KIND,
            Upper.KIND,
            Codes.KIND,
            Multiply.KIND,
            UnitConversion.KIND,
            Gs1Key.KIND,
            DateFormat.KIND,
            Lookup.KIND);

    /** Every key a transform takes in a field rule. */
    static final Set<String> KEYS = ALL.stream().flatMap(kind -> kind.keys().stream()).collect(Collectors.toUnmodifiableSet());

    private Transforms() {}
}
