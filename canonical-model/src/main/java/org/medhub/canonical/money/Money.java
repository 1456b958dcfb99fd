package org.medhub.canonical.money;

import java.math.BigDecimal;

/**
 * An amount in a currency, e.g. {@code 1200.00 CNY}. The scale is kept as given: 12.50 stays 12.50.
 *
 * @param currency ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
