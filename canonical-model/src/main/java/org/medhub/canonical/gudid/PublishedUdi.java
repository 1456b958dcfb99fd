package org.medhub.canonical.gudid;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.medhub.canonical.udi.Udi;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * A UDI as AccessGUDID's Parse UDI service publishes it: the string it was given, the issuing agency and the parts
 * it read. Dates are the published ISO dates; {@code …Original} and {@code …OriginalFormat} are as on the label
 * ({@code 150331}, {@code YYMMDD}; ICCBBA writes {@code YYYJJJ}).
 */
public record PublishedUdi(
        String udi,
        String issuingAgency,
        String di,
        String lotNumber,
        String serialNumber,
        LocalDate expirationDate,
        String expirationDateOriginal,
        String expirationDateOriginalFormat,
        LocalDate manufacturingDate,
        String manufacturingDateOriginal,
        String manufacturingDateOriginalFormat,
        String donationId) {

    public boolean isGs1() {
        return "GS1".equalsIgnoreCase(issuingAgency);
    }

    /**
     * The UDI read by medhub from the published string, GS1 rules and all.
     *
     * @throws InvalidRecordException for a HIBCC or ICCBBA UDI ({@code not-gs1}), which {@link Udi} does not read,
     *                                or for GS1 data that breaks a GS1 rule
     */
    public Udi toUdi() {
        if (!isGs1()) {
            throw new InvalidRecordException(Udi.ENTITY, List.of(new Violation("issuingAgency", "not-gs1",
                    issuingAgency, "'" + udi + "' is a UDI of " + issuingAgency + "; medhub reads GS1 UDIs only")));
        }
        return Udi.parse(udi);
    }

    /**
     * Where the parts AccessGUDID published differ from {@code udi}, one violation ({@code published-differs}) per
     * part. A label's day 00 means the end of the month: {@link Udi} resolves it to the last day, so a published date
     * in the same month agrees with it whatever day the publisher chose.
     */
    public List<Violation> disagreementsWith(Udi udi) {
        List<Violation> found = new ArrayList<>();
        same("di", di, udi.gtin(), found);
        same("lotNumber", lotNumber, udi.lot(), found);
        same("serialNumber", serialNumber, udi.serial(), found);
        sameDate("expirationDate", expirationDate, expirationDateOriginal, udi.expiry(), found);
        sameDate("manufacturingDate", manufacturingDate, manufacturingDateOriginal, udi.productionDate(), found);
        if (donationId != null) {
            found.add(new Violation("donationId", "published-differs", donationId,
                    "donationId " + donationId + " is published, and a GS1 UDI carries none"));
        }
        return found;
    }

    private static void same(String field, String published, String read, List<Violation> found) {
        if (!Objects.equals(published, read)) {
            found.add(differs(field, published, read));
        }
    }

    private static void sameDate(String field, LocalDate published, String original, LocalDate read,
            List<Violation> found) {
        if (Objects.equals(published, read)) {
            return;
        }
        boolean dayZero = original != null && original.length() == 6 && original.endsWith("00");
        if (dayZero && published != null && read != null && YearMonth.from(published).equals(YearMonth.from(read))
                && read.equals(YearMonth.from(read).atEndOfMonth())) {
            return;
        }
        found.add(differs(field, published, read));
    }

    private static Violation differs(String field, Object published, Object read) {
        return new Violation(field, "published-differs", published,
                field + " is published as " + published + " but the UDI reads " + read);
    }
}
