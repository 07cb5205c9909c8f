package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's own whole-day count gives POI's date for every serial Excel can hold, in both date systems. */
class ExcelDateTests {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void wholeDaysMatchPoi(boolean date1904) {
        for (int serial = 0; serial <= 2_958_465; serial += serial < 2_000 ? 1 : 37) {
            assertSame(serial, date1904);
        }
        assertSame(2_958_465, date1904); // 9999-12-31 in the 1900 system
    }

    @ParameterizedTest
    @ValueSource(doubles = {59, 60, 61, 60.5, 45000.25, 45000.999994, 45000.5000001, 1.0E-9, 46000.75})
    void timesAndTheLeapDayThatWasNotGoThroughPoi(double serial) {
        assertSame(serial, false);
        assertSame(serial, true);
    }

    private static void assertSame(double serial, boolean date1904) {
        LocalDateTime poi = DateUtil.getLocalDateTime(serial, date1904, true);
        assertThat(XlsxSheetReader.excelDate(serial, date1904)).as("serial %s, 1904 %s", serial, date1904).isEqualTo(poi);
    }
}
