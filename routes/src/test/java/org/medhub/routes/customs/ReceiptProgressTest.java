package org.medhub.routes.customs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Receipts late, twice or out of order: a declaration only moves forward, along the dictionary's state machine. */
class ReceiptProgressTest {

    private final ReceiptProgress progress = new ReceiptProgress();

    @Test
    void aReceiptInOrderIsOneStep() {
        assertThat(progress.steps("SUBMITTED", "ACCEPTED")).containsExactly("ACCEPTED");
        assertThat(progress.steps("ACCEPTED", "INSPECTION")).containsExactly("INSPECTION");
    }

    @Test
    void aClearanceBeforeItsReleaseTakesTheDeclarationThroughTheRelease() {
        assertThat(progress.steps("ACCEPTED", "CLEARED")).containsExactly("RELEASED", "CLEARED");
        assertThat(progress.steps("SUBMITTED", "RELEASED")).containsExactly("ACCEPTED", "RELEASED");
    }

    @Test
    void aDuplicateOrLateReceiptChangesNothing() {
        assertThat(progress.steps("ACCEPTED", "ACCEPTED")).isEmpty();
        assertThat(progress.steps("RELEASED", "ACCEPTED")).isEmpty();
        assertThat(progress.steps("CLEARED", "RELEASED")).isEmpty();
    }

    @Test
    void aRejectionEndsADeclarationButIsNeverPassedThrough() {
        assertThat(progress.steps("SUBMITTED", "REJECTED")).containsExactly("REJECTED");
        assertThat(progress.steps("INSPECTION", "REJECTED")).containsExactly("REJECTED");
        assertThat(progress.steps("REJECTED", "RELEASED")).as("a rejected declaration stays rejected").isEmpty();
        assertThat(progress.steps("RELEASED", "REJECTED")).as("released goods are not rejected afterwards").isEmpty();
    }
}
