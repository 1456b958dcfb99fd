package org.medhub.hub.partner;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up with bad partner files ends with a list of what to fix, not a stack trace. */
public class PartnerConfigFailureAnalyzer extends AbstractFailureAnalyzer<PartnerConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PartnerConfigException cause) {
        return new FailureAnalysis(
                "The partner configuration is invalid:\n" + cause.problems().stream()
                        .map(p -> "  " + p).collect(Collectors.joining("\n")),
                "Correct the keys named above in the partner files and start medhub again.", cause);
    }
}
