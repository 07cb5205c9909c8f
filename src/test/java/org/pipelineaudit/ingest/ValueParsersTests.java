package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ValueParsersTests {

    @Nested
    class Dates {
        private final DateParser monthFirst = new DateParser(false, ZoneId.of("Asia/Shanghai"));
        private final DateParser dayFirst = new DateParser(true, ZoneId.of("Asia/Shanghai"));

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "2026-11-03|2026-11-03", "2026/11/3|2026-11-03", "2026.11.3|2026-11-03", "2026年11月3日|2026-11-03",
                "2026-11-03 14:05|2026-11-03", "2026/1/5 9:30:15|2026-01-05", "2026年1月5日 09:30|2026-01-05",
                "11/3/2026|2026-11-03", "11/3/2026 13:00|2026-11-03", "3/11/2025 1:30 PM|2025-03-11",
                "15 Apr, 2021 00:02:00|2021-04-15", "Apr 15, 2021|2021-04-15", "２０２６－１１－０３|2026-11-03",
                "2026-11-03T14:05:00|2026-11-03", "46329|2026-11-03"})
        void readsTheListedForms(String text, String expected) {
            assertThat(monthFirst.parse(CellValue.text(text))).isEqualTo(LocalDate.parse(expected));
        }

        @Test
        void anOffsetTimeIsMovedIntoTheZoneBeforeTakingTheDate() {
            // 20:30 UTC is already the next day in Shanghai
            assertThat(monthFirst.parse(CellValue.text("2026-11-03T20:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 4));
            assertThat(monthFirst.parse(CellValue.text("2026-11-03 20:30:00+08:00"))).isEqualTo(LocalDate.of(2026, 11, 3));
        }

        @Test
        void dayFirstSwapsOnlyTheSlashedForm() {
            assertThat(dayFirst.parse(CellValue.text("3/11/2026"))).isEqualTo(LocalDate.of(2026, 11, 3));
            assertThat(dayFirst.parse(CellValue.text("2026/11/3"))).isEqualTo(LocalDate.of(2026, 11, 3));
        }

        @Test
        void dateCellsAndNumericSerialsAreDates() {
            assertThat(monthFirst.parse(CellValue.date(LocalDateTime.of(2026, 11, 3, 23, 59), 46329.99)))
                    .isEqualTo(LocalDate.of(2026, 11, 3));
            assertThat(monthFirst.parse(CellValue.number(46329, false))).isEqualTo(LocalDate.of(2026, 11, 3));
        }

        @ParameterizedTest
        @CsvSource({"2026-13-45", "yesterday", "31/31/2026", "0", "2026"})
        void rejectsWhatIsNotADate(String text) {
            assertThat(monthFirst.parse(CellValue.text(text))).isNull();
        }
    }

    @Nested
    class Amounts {
        private final AmountParser parser = new AmountParser();

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "12000|12000", "12,000.50|12000.5", "¥12,000|12000", "￥1,234.5|1234.5", "$22,700.00|22700",
                "€ 99|99", "CNY 3000|3000", "USD1,000|1000", "3万|30000", "1.2亿|120000000", "¥3.5万|35000",
                "(1,200)|-1200", "１２３４|1234", "5000元|5000"})
        void readsNumbersWithSignsCodesSeparatorsAndUnits(String text, String expected) {
            assertThat(parser.parse(CellValue.text(text))).isEqualByComparingTo(new BigDecimal(expected));
        }

        @Test
        void numericCellsAreTakenAsTheyAre() {
            assertThat(parser.parse(CellValue.number(1234.56789, false))).isEqualByComparingTo("1234.5679");
        }

        @ParameterizedTest
        @CsvSource({"约50万", "TBD", "12-000", "1.2.3"})
        void rejectsWhatIsNotAnAmount(String text) {
            assertThat(parser.parse(CellValue.text(text))).isNull();
        }
    }

    @Nested
    class Probabilities {
        private final ProbabilityParser parser = new ProbabilityParser();

        @ParameterizedTest
        @CsvSource({"35%,35", "35 %,35", "0.35,35", "35,35", "1,1", "0,0", "100,100", "0.3,30", "150,150", "12.5,12.5"})
        void readsTheSpecForms(String text, String expected) {
            assertThat(parser.parse(CellValue.text(text))).isEqualByComparingTo(expected);
        }

        @Test
        void aPercentFormattedCellIsScaledAndRoundedToFourDecimals() {
            assertThat(parser.parse(CellValue.number(0.3, true))).isEqualByComparingTo("30");
            assertThat(parser.parse(CellValue.number(0.35, true)).toPlainString()).isEqualTo("35");
            assertThat(parser.parse(CellValue.number(1, true))).isEqualByComparingTo("100");
        }

        @Test
        void aPlainNumericCellFollowsTheFractionRule() {
            assertThat(parser.parse(CellValue.number(0.35, false))).isEqualByComparingTo("35");
            assertThat(parser.parse(CellValue.number(60, false))).isEqualByComparingTo("60");
        }

        @Test
        void rejectsText() {
            assertThat(parser.parse(CellValue.text("high"))).isNull();
        }
    }

    @Nested
    class Periods {
        private final PeriodParser parser = new PeriodParser();

        @ParameterizedTest
        @CsvSource({"2026-11,2026-11", "2026/11,2026-11", "2026年11月,2026-11", "2026-1,2026-01", "2026-Q4,2026-Q4",
                "2026Q4,2026-Q4", "2026 q4,2026-Q4", "2026年第4季度,2026-Q4"})
        void readsMonthsAndQuarters(String text, String expected) {
            assertThat(parser.parse(CellValue.text(text))).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource({"2026-13", "2026-Q5", "November"})
        void rejectsOthers(String text) {
            assertThat(parser.parse(CellValue.text(text))).isNull();
        }
    }

    @Nested
    class Headers {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"  商机编号 |商机编号", "Deal  Owner|deal owner", "*跟进内容|跟进内容",
                "公司名称（必填）|公司名称", "跟进时间-例:2020-2-1|跟进时间", "ＤＥＡＬ　ＩＤ|deal id"})
        void foldsForMatching(String raw, String expected) {
            assertThat(HeaderNormalizer.normalize(raw)).isEqualTo(expected);
        }
    }
}
