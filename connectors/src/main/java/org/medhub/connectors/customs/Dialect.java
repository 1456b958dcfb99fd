package org.medhub.connectors.customs;

import java.util.List;
import org.medhub.canonical.entity.CustomsDeclaration;

/**
 * How one customs authority's single window writes a declaration and its receipts. The contract is the dialect's XSD:
 * nothing leaves that does not validate against it.
 */
public interface Dialect {

    /** Its name in configuration: {@code china-single-window}, … */
    String name();

    /**
     * The declaration in the authority's XML, UTF-8, unsigned.
     *
     * @throws IllegalArgumentException naming the field the dialect cannot write (a unit without a code, …)
     */
    byte[] render(CustomsDeclaration declaration);

    /** What is wrong with a document against the dialect's XSD, with line and column; empty when it validates. */
    List<String> validate(byte[] xml);

    /**
     * A receipt in the authority's XML.
     *
     * @throws IllegalArgumentException when it is none of the dialect's receipts
     */
    Receipt readReceipt(byte[] xml);
}
