package org.medhub.connectors.customs;

import java.util.Locale;
import java.util.Map;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.unit.Quantity;

/**
 * The single window's codes for what the canonical declaration says in words: medhub's model of the GACC code tables
 * (transport 运输方式, price terms 成交方式, duty 征免方式, units 计量单位), to be checked against the official tables.
 */
final class ChinaCodes {

    private ChinaCodes() {}

    static String ieFlag(CustomsDeclaration.IeFlag flag) {
        return flag == CustomsDeclaration.IeFlag.IMPORT ? "I" : "E";
    }

    static String transport(CustomsDeclaration.TransportMode mode) {
        return switch (mode) {
            case WATERWAY -> "2";
            case RAIL -> "3";
            case ROAD -> "4";
            case AIR -> "5";
            case POST -> "6";
            case OTHER -> "9";
        };
    }

    static String priceTerms(CustomsDeclaration.TransactionMode mode) {
        return switch (mode) {
            case CIF -> "1";
            case CFR -> "2";
            case FOB -> "3";
            case EXW -> "7";
        };
    }

    static String duty(CustomsDeclaration.Line.DutyMode mode) {
        return Integer.toString(mode.ordinal() + 1); // 1 照章征税 … 7 保证金: the enum keeps the table's order
    }

    /** UCUM (as the hub keeps units) to the single window's unit codes. */
    private static final Map<String, String> UNITS = Map.of("{each}", "007", "{pair}", "025", "{set}", "001",
            "kg", "035", "g", "036", "t", "070", "L", "095", "mL", "096", "m", "030", "m2", "032");

    static String unit(Quantity quantity, String field) {
        String code = UNITS.get(quantity.unit().code());
        if (code == null) {
            throw new IllegalArgumentException(field + ": the single window has no unit code for '" + quantity.unit().code()
                    + "'; it knows " + new java.util.TreeSet<>(UNITS.keySet()));
        }
        return code;
    }

    /** ISO 3166-1 alpha-2, as the hub keeps countries, to the alpha-3 the declaration writes. */
    static String country(String alpha2) {
        return alpha2 == null ? null : new Locale("", alpha2).getISO3Country();
    }
}
