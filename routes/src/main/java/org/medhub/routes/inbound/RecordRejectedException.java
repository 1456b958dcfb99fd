package org.medhub.routes.inbound;

import java.util.List;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.ledger.Stage;

/**
 * An inbound record the hub will not take as it is. Nothing was published; the raw bytes are kept
 * and the ledger says why.
 *
 * @param problem a short name for the kind of problem, e.g. {@code invalid-record}
 */
public class RecordRejectedException extends RuntimeException {

    private final String problem;
    private final Stage stage;
    private final List<Violation> violations;

    public RecordRejectedException(String problem, Stage stage, String detail, List<Violation> violations) {
        super(detail);
        this.problem = problem;
        this.stage = stage;
        this.violations = List.copyOf(violations);
    }

    public String problem() {
        return problem;
    }

    public Stage stage() {
        return stage;
    }

    public List<Violation> violations() {
        return violations;
    }
}
