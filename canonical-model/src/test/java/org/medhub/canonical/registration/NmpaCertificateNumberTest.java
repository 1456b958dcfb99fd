package org.medhub.canonical.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medhub.canonical.registration.NmpaCertificateNumber.Kind;
import org.medhub.canonical.registration.NmpaCertificateNumber.Origin;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class NmpaCertificateNumberTest {

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-15T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void splitsARegistrationNumberIntoItsParts() {
        NmpaCertificateNumber number = NmpaCertificateNumber.parse("国械注准20153460001", IN_2026);
        assertThat(number.kind()).isEqualTo(Kind.REGISTRATION);
        assertThat(number.issuer()).isEqualTo("国");
        assertThat(number.origin()).isEqualTo(Origin.DOMESTIC);
        assertThat(number.year()).isEqualTo(2015);
        assertThat(number.deviceClass()).isEqualTo(3);
        assertThat(number.category()).isEqualTo("46");
        assertThat(number.serial()).isEqualTo("0001");
        assertThat(number.province()).isEmpty();
        assertThat(number.isRegistration()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "苏械注准20172220001, DOMESTIC, 2, 苏",
        "粤械注准20212140123, DOMESTIC, 2, 粤",
        "国械注进20163460002, IMPORTED, 3, 国",
        "国械注进20172220003, IMPORTED, 2, 国",
        "国械注许20182220004, HONG_KONG_MACAO_TAIWAN, 2, 国",
        "国械注准20193460005号, DOMESTIC, 3, 国"
    })
    void readsRegistrationsOfEveryIssuerAndType(String text, Origin origin, int deviceClass, String issuer) {
        NmpaCertificateNumber number = NmpaCertificateNumber.parse(text, IN_2026);
        assertThat(number.origin()).isEqualTo(origin);
        assertThat(number.deviceClass()).isEqualTo(deviceClass);
        assertThat(number.issuer()).isEqualTo(issuer);
    }

    @Test
    void namesTheProvinceThatRegistered() {
        assertThat(NmpaCertificateNumber.parse("苏械注准20172220001", IN_2026).province()).contains("江苏");
    }

    @ParameterizedTest
    @CsvSource({
        "苏械备20150001, 苏, DOMESTIC",
        "苏苏械备20150034号, 苏苏, DOMESTIC",
        "粤深械备20170097号, 粤深, DOMESTIC",
        "国械备20150001, 国, IMPORTED"
    })
    void recognisesClassIFilingsAsFilingsNotRegistrations(String text, String issuer, Origin origin) {
        NmpaCertificateNumber number = NmpaCertificateNumber.parse(text, IN_2026);
        assertThat(number.kind()).isEqualTo(Kind.FILING);
        assertThat(number.isRegistration()).isFalse();
        assertThat(number.deviceClass()).isEqualTo(1);
        assertThat(number.issuer()).isEqualTo(issuer);
        assertThat(number.origin()).isEqualTo(origin);
        assertThat(number.category()).isNull();
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, number::requireRegistration);
        assertThat(e.violations()).extracting(Violation::rule).containsExactly("filing-not-registration");
        assertThat(e.violations().get(0).message()).contains("filing (备案)").contains("not a registration");
    }

    @ParameterizedTest
    @CsvSource({
        "X械注准20153460001, certificateNumber.issuer, unknown-issuer, X",
        "国械注甲20153460001, certificateNumber.type, unknown-type, 甲",
        "国械注准2015346001, certificateNumber.digits, format, 2015346001",
        "国械注准20151460001, certificateNumber.class, class-i-is-filed, 1",
        "国械注准20154460001, certificateNumber.class, unknown-class, 4",
        "国械注准20152460001, certificateNumber.class, issuer-class-mismatch, 2",
        "苏械注准20173460001, certificateNumber.class, issuer-class-mismatch, 3",
        "苏械注进20172460001, certificateNumber.issuer, issuer-type-mismatch, 苏",
        "国械注准20303460001, certificateNumber.year, implausible-year, 2030",
        "国械注准19993460001, certificateNumber.year, implausible-year, 1999",
        "国械注准20153000001, certificateNumber.category, unknown-category, 00",
        "国械注准20153460000, certificateNumber.serial, zero-serial, 0000",
        "苏械备2015001, certificateNumber.digits, format, 2015001",
        "XY械备20150001, certificateNumber.issuer, unknown-issuer, XY"
    })
    void rejectsBrokenNumbersNamingThePart(String text, String field, String rule, String value) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> NmpaCertificateNumber.parse(text, IN_2026));
        assertThat(e.violations()).extracting(Violation::field, Violation::rule, Violation::value)
                .contains(tuple(field, rule, value));
        assertThat(e.violations().get(0).message()).contains(text);
    }

    @Test
    void rejectsTextThatIsNeitherRegistrationNorFiling() {
        assertThat(NmpaCertificateNumber.check("cert", "国食药监械(准)字2013第3460001号"))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("cert", "not-nmpa-number"));
        assertThat(NmpaCertificateNumber.check("cert", " ")).extracting(Violation::rule).containsExactly("required");
    }
}
