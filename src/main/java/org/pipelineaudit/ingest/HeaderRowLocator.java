package org.pipelineaudit.ingest;

import java.util.List;

/** SPEC §2: the header row is the first of the first 10 rows in which at least 2 cells are known header aliases. */
public final class HeaderRowLocator {

    public static final int SEARCH_ROWS = 10;
    private static final int MIN_MATCHES = 2;

    private final AliasCatalog aliases;

    public HeaderRowLocator(AliasCatalog aliases) {
        this.aliases = aliases;
    }

    public boolean isHeaderRow(List<CellValue> cells) {
        int matches = 0;
        for (CellValue cell : cells) {
            if (!cell.text().isBlank() && aliases.isKnownHeader(cell.text()) && ++matches >= MIN_MATCHES) {
                return true;
            }
        }
        return false;
    }
}
