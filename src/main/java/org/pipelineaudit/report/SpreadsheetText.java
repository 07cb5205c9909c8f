package org.pipelineaudit.report;

/**
 * Keeps text from being taken as a formula by Excel, LibreOffice or Sheets (CSV/formula injection):
 * a value that begins with {@code = + - @}, tab or CR gets a leading {@code '} (SPEC §6).
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
