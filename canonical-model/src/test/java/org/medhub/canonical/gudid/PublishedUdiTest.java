package org.medhub.canonical.gudid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.udi.Udi;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/** AccessGUDID's Parse UDI responses against medhub's own reading of the UDI, on our own response. */
class PublishedUdiTest {

    @Test
    void readsThePartsAccessGudidPublishes() throws IOException {
        PublishedUdi published = AccessGudid.parsedUdi(response());

        assertThat(published).isEqualTo(new PublishedUdi(
                "(01)09506000117843(11)240115(17)270200(10)A23-0457(21)SN000981", "GS1", "09506000117843",
                "A23-0457", "SN000981", LocalDate.of(2027, 2, 28), "270200", "YYMMDD",
                LocalDate.of(2024, 1, 15), "240115", "YYMMDD", null));
    }

    @Test
    void medhubReadsTheSameUdiFromThePublishedString() throws IOException {
        PublishedUdi published = AccessGudid.parsedUdi(response());

        Udi udi = published.toUdi();

        assertThat(udi).isEqualTo(new Udi("09506000117843", "A23-0457", "SN000981",
                LocalDate.of(2027, 2, 28), LocalDate.of(2024, 1, 15)));
        assertThat(published.disagreementsWith(udi)).isEmpty();
    }

    @Test
    void agreesWithAnyPublishedDayInTheMonthOfALabelsDayZero() throws IOException {
        ObjectNode firstOfMonth = response();
        firstOfMonth.put("expirationDate", "2027-02-01");
        PublishedUdi published = AccessGudid.parsedUdi(firstOfMonth);

        assertThat(published.disagreementsWith(published.toUdi())).isEmpty();
    }

    @Test
    void reportsEveryPartPublishedOtherwiseThanTheUdiReads() throws IOException {
        ObjectNode other = response();
        other.put("lotNumber", "A23-0458");
        other.put("expirationDate", "2027-03-31");
        other.put("manufacturingDate", "2024-01-16");
        PublishedUdi published = AccessGudid.parsedUdi(other);

        assertThat(published.disagreementsWith(published.toUdi()))
                .extracting(Violation::field, Violation::rule, Violation::value)
                .containsExactly(tuple("lotNumber", "published-differs", "A23-0458"),
                        tuple("expirationDate", "published-differs", LocalDate.of(2027, 3, 31)),
                        tuple("manufacturingDate", "published-differs", LocalDate.of(2024, 1, 16)));
    }

    @Test
    void refusesToReadAUdiOfAnotherAgencyAsGs1() throws IOException {
        ObjectNode hibcc = response();
        hibcc.put("udi", "+H123LP20010/$$327020A23-0457E");
        hibcc.put("issuingAgency", "HIBCC");

        InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class,
                () -> AccessGudid.parsedUdi(hibcc).toUdi());

        assertThat(refused.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("issuingAgency", "not-gs1"));
        assertThat(refused.getMessage()).contains("HIBCC", "GS1 UDIs only");
    }

    @Test
    void refusesAResponseWithoutAUdiOrWithABrokenDate() throws IOException {
        ObjectNode noUdi = response();
        noUdi.remove("udi");
        ObjectNode brokenDate = response();
        brokenDate.put("expirationDate", "2027-02-00");

        assertThat(catchThrowableOfType(InvalidRecordException.class, () -> AccessGudid.parsedUdi(noUdi))
                .violations()).extracting(Violation::field, Violation::rule).containsExactly(tuple("udi", "required"));
        assertThat(catchThrowableOfType(InvalidRecordException.class, () -> AccessGudid.parsedUdi(brokenDate))
                .violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("expirationDate", "type"));
    }

    private static ObjectNode response() throws IOException {
        try (InputStream in = GudidXmlReaderTest.resource("parse-udi.json")) {
            JsonNode json = CanonicalJson.mapper().readTree(in);
            return (ObjectNode) json;
        }
    }
}
