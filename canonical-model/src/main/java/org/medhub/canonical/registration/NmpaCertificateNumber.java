package org.medhub.canonical.registration;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * A Chinese medical device registration certificate number or Class I filing number, as the NMPA's Provisions for
 * Medical Device Registration and Filing (2021) lay them out.
 *
 * <p>Registration: {@code 国械注准20153460001} = issuer (国 for NMPA, or the province's abbreviation for domestic
 * Class II) + 械注 + type (准 domestic, 进 imported, 许 Hong Kong/Macao/Taiwan) + year of first registration (4) +
 * class (1) + category code (2) + serial (4). Filing: {@code 苏苏械备20150001} = province abbreviation and usually
 * the city's (国 for imported devices) + 械备 + year (4) + serial (4). A filing is not a registration: Class I devices
 * are filed, Class II and III registered.
 *
 * @param issuer   国, or a province abbreviation (for filings possibly followed by a city abbreviation)
 * @param origin   for a filing by 国 this is {@link Origin#IMPORTED}: filing numbers do not tell Hong Kong, Macao and
 *                 Taiwan apart from other imports
 * @param category the 2-digit product category code; null for filings
 */
public record NmpaCertificateNumber(
        String text, Kind kind, String issuer, Origin origin, int year, int deviceClass, String category, String serial) {

    public static final String ENTITY = "NMPA certificate number";
    static final String NMPA = "国";

    public enum Kind { REGISTRATION, FILING }

    public enum Origin { DOMESTIC, IMPORTED, HONG_KONG_MACAO_TAIWAN }

    /** Abbreviations of the provinces, autonomous regions and municipalities, with their names. */
    static final Map<String, String> PROVINCES = Map.ofEntries(
            Map.entry("京", "北京"), Map.entry("津", "天津"), Map.entry("冀", "河北"), Map.entry("晋", "山西"),
            Map.entry("蒙", "内蒙古"), Map.entry("辽", "辽宁"), Map.entry("吉", "吉林"), Map.entry("黑", "黑龙江"),
            Map.entry("沪", "上海"), Map.entry("苏", "江苏"), Map.entry("浙", "浙江"), Map.entry("皖", "安徽"),
            Map.entry("闽", "福建"), Map.entry("赣", "江西"), Map.entry("鲁", "山东"), Map.entry("豫", "河南"),
            Map.entry("鄂", "湖北"), Map.entry("湘", "湖南"), Map.entry("粤", "广东"), Map.entry("桂", "广西"),
            Map.entry("琼", "海南"), Map.entry("渝", "重庆"), Map.entry("川", "四川"), Map.entry("黔", "贵州"),
            Map.entry("滇", "云南"), Map.entry("藏", "西藏"), Map.entry("陕", "陕西"), Map.entry("甘", "甘肃"),
            Map.entry("青", "青海"), Map.entry("宁", "宁夏"), Map.entry("新", "新疆"));

    private static final int FIRST_YEAR = 2000;

    public static NmpaCertificateNumber parse(String text) {
        return parse(text, Clock.systemUTC());
    }

    /** As {@link #parse(String)}; {@code clock} says which years are still in the future. */
    public static NmpaCertificateNumber parse(String text, Clock clock) {
        List<Violation> violations = new ArrayList<>();
        NmpaCertificateNumber number = read("certificateNumber", text, Year.now(clock).getValue(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(ENTITY, violations);
        }
        return number;
    }

    /**
     * Every broken rule, each naming its part as the field ({@code certificateNumber.issuer}, {@code .type},
     * {@code .year}, {@code .class}, {@code .category}, {@code .serial}), or the whole number when it is neither a
     * registration (械注) nor a filing (械备).
     */
    public static List<Violation> check(String field, String text) {
        List<Violation> violations = new ArrayList<>();
        read(field, text, Year.now(Clock.systemUTC()).getValue(), violations);
        return violations;
    }

    public boolean isRegistration() {
        return kind == Kind.REGISTRATION;
    }

    public boolean isFiling() {
        return kind == Kind.FILING;
    }

    /** The province that issued the number; empty when NMPA (国) did. */
    public Optional<String> province() {
        return Optional.ofNullable(PROVINCES.get(issuer.substring(0, 1)));
    }

    /** This number when it is a registration certificate; a filing fails, since Class I filings are not registrations. */
    public NmpaCertificateNumber requireRegistration() {
        if (isFiling()) {
            throw new InvalidRecordException(ENTITY, List.of(new Violation("certificateNumber", "filing-not-registration",
                    text, text + " is a Class I filing (备案) number, not a registration certificate (注册证)")));
        }
        return this;
    }

    private static NmpaCertificateNumber read(String field, String text, int currentYear, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(Violation.required(field));
            return null;
        }
        String number = text.strip();
        if (number.endsWith("号")) {
            number = number.substring(0, number.length() - 1);
        }
        int registration = number.indexOf("械注");
        int filing = number.indexOf("械备");
        if (registration > 0) {
            return readRegistration(field, text, number.substring(0, registration), number.substring(registration + 2),
                    currentYear, violations);
        }
        if (filing > 0) {
            return readFiling(field, text, number.substring(0, filing), number.substring(filing + 2),
                    currentYear, violations);
        }
        violations.add(new Violation(field, "not-nmpa-number", text, field + " '" + text + "' is neither a"
                + " registration number (issuer + 械注 + 准/进/许 + 11 digits) nor a filing number (issuer + 械备 + 8 digits)"));
        return null;
    }

    private static NmpaCertificateNumber readRegistration(
            String field, String text, String issuer, String rest, int currentYear, List<Violation> violations) {
        int before = violations.size();
        if (!issuer.equals(NMPA) && !PROVINCES.containsKey(issuer)) {
            violations.add(part(field, "issuer", "unknown-issuer", issuer, text, "the issuer '" + issuer
                    + "' is neither 国 (NMPA) nor a province abbreviation such as 苏 or 粤"));
        }
        Origin origin = rest.isEmpty() ? null : switch (rest.charAt(0)) {
            case '准' -> Origin.DOMESTIC;
            case '进' -> Origin.IMPORTED;
            case '许' -> Origin.HONG_KONG_MACAO_TAIWAN;
            default -> null;
        };
        if (origin == null) {
            violations.add(part(field, "type", "unknown-type", rest.isEmpty() ? "" : rest.substring(0, 1), text, "after 械注 comes 准 (domestic), 进 (imported) or"
                    + " 许 (Hong Kong, Macao, Taiwan), not '" + (rest.isEmpty() ? "" : rest.substring(0, 1)) + "'"));
            return null;
        }
        String digits = rest.substring(1);
        if (digits.length() != 11 || !allDigits(digits)) {
            violations.add(part(field, "digits", "format", digits, text, "after 械注" + rest.charAt(0) + " come 11 digits:"
                    + " year (4), class (1), category (2), serial (4); found '" + digits + "'"));
            return null;
        }
        int year = Integer.parseInt(digits.substring(0, 4));
        int deviceClass = digits.charAt(4) - '0';
        String category = digits.substring(5, 7);
        String serial = digits.substring(7);
        checkYear(field, text, year, currentYear, "first registration", violations);
        if (deviceClass == 1) {
            violations.add(part(field, "class", "class-i-is-filed", String.valueOf(deviceClass), text, "class 1 devices are filed (备案), not"
                    + " registered; a registration is for class 2 or 3"));
        } else if (deviceClass != 2 && deviceClass != 3) {
            violations.add(part(field, "class", "unknown-class", String.valueOf(deviceClass), text, "the class digit is " + deviceClass
                    + "; registrations are class 2 or 3"));
        } else if (origin == Origin.DOMESTIC && issuer.equals(NMPA) && deviceClass != 3) {
            violations.add(part(field, "class", "issuer-class-mismatch", String.valueOf(deviceClass), text, "NMPA (国) registers domestic class 3"
                    + " devices; domestic class 2 is registered by the province"));
        } else if (origin == Origin.DOMESTIC && PROVINCES.containsKey(issuer) && deviceClass != 2) {
            violations.add(part(field, "class", "issuer-class-mismatch", String.valueOf(deviceClass), text, "a province (" + issuer + ") registers"
                    + " domestic class 2 devices; class 3 is registered by NMPA (国)"));
        }
        if (origin != Origin.DOMESTIC && !issuer.equals(NMPA) && PROVINCES.containsKey(issuer)) {
            violations.add(part(field, "issuer", "issuer-type-mismatch", issuer, text, "imported and Hong Kong, Macao or Taiwan"
                    + " devices (" + rest.charAt(0) + ") are registered by NMPA (国), not by " + issuer));
        }
        if (category.equals("00")) {
            violations.add(part(field, "category", "unknown-category", category, text, "category code 00 does not exist"));
        }
        if (serial.equals("0000")) {
            violations.add(part(field, "serial", "zero-serial", serial, text, "serial 0000 does not exist; serials start at 0001"));
        }
        return violations.size() > before ? null
                : new NmpaCertificateNumber(text, Kind.REGISTRATION, issuer, origin, year, deviceClass, category, serial);
    }

    private static NmpaCertificateNumber readFiling(
            String field, String text, String issuer, String rest, int currentYear, List<Violation> violations) {
        int before = violations.size();
        boolean knownIssuer = issuer.equals(NMPA)
                || (issuer.length() <= 2 && PROVINCES.containsKey(issuer.substring(0, 1))
                        && issuer.codePoints().allMatch(Character::isIdeographic));
        if (!knownIssuer) {
            violations.add(part(field, "issuer", "unknown-issuer", issuer, text, "the issuer '" + issuer + "' is neither 国"
                    + " (NMPA, imported devices) nor a province abbreviation, optionally followed by its city's"));
        }
        if (rest.length() != 8 || !allDigits(rest)) {
            violations.add(part(field, "digits", "format", rest, text, "after 械备 come 8 digits: year (4), serial (4);"
                    + " found '" + rest + "'"));
            return null;
        }
        int year = Integer.parseInt(rest.substring(0, 4));
        String serial = rest.substring(4);
        checkYear(field, text, year, currentYear, "filing", violations);
        if (serial.equals("0000")) {
            violations.add(part(field, "serial", "zero-serial", serial, text, "serial 0000 does not exist; serials start at 0001"));
        }
        Origin origin = issuer.equals(NMPA) ? Origin.IMPORTED : Origin.DOMESTIC;
        return violations.size() > before ? null
                : new NmpaCertificateNumber(text, Kind.FILING, issuer, origin, year, 1, null, serial);
    }

    private static void checkYear(String field, String text, int year, int currentYear, String what,
            List<Violation> violations) {
        if (year < FIRST_YEAR || year > currentYear) {
            violations.add(part(field, "year", "implausible-year", String.valueOf(year), text, "the year of " + what + " is " + year
                    + ", not between " + FIRST_YEAR + " and " + currentYear));
        }
    }

    /** A violation naming the part of the number as the field, with the part's value as the offending value. */
    private static Violation part(String field, String part, String rule, String value, String text, String message) {
        return new Violation(field + "." + part, rule, value, field + " '" + text + "': " + message);
    }

    private static boolean allDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
