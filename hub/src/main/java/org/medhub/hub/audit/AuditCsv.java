package org.medhub.hub.audit;

import java.util.List;

/**
 * The audit trail as CSV for a spreadsheet. A cell that starts with {@code = + - @}, a tab or a carriage return
 * would be run as a formula by Excel or LibreOffice (CSV injection): it is written with a leading apostrophe.
 */
final class AuditCsv {

    private AuditCsv() {}

    static String of(List<AuditController.AuditRow> rows) {
        StringBuilder csv = new StringBuilder("sequence,recordedAt,actor,action,subject,detail,previousHash,hash\r\n");
        for (AuditController.AuditRow row : rows) {
            csv.append(row.sequence()).append(',').append(row.recordedAt()).append(',')
                    .append(cell(row.actor())).append(',').append(cell(row.action())).append(',')
                    .append(cell(row.subject())).append(',').append(cell(row.detail().toString())).append(',')
                    .append(row.previousHash()).append(',').append(row.hash()).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
