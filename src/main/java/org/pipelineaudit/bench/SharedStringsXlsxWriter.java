package org.pipelineaudit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a one-sheet .xlsx the way Excel stores text: every string cell is an index into
 * xl/sharedStrings.xml, dates are date-formatted serials. Streams both parts through temp files, so a
 * million rows with millions of distinct strings need no more heap than a row (POI would keep the whole
 * table on the heap). Repeated values are shared through a bounded map; values seen once get their own entry.
 */
final class SharedStringsXlsxWriter implements AutoCloseable {

    private static final int SHARED_LIMIT = 200_000;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final Path target;
    private final Path sheetPart;
    private final Path stringsPart;
    private final Writer sheet;
    private final Writer strings;
    private final Map<String, Integer> shared = new HashMap<>();
    private int stringCount;
    private int references;
    private int row;

    SharedStringsXlsxWriter(Path target) throws IOException {
        this.target = target;
        this.sheetPart = Files.createTempFile("bench-sheet-", ".xml");
        this.stringsPart = Files.createTempFile("bench-sst-", ".xml");
        this.sheet = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(sheetPart), StandardCharsets.UTF_8), 1 << 16);
        this.strings = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(stringsPart), StandardCharsets.UTF_8), 1 << 16);
    }

    /** @param repeats per column: true when its values repeat (stages, teams), false when nearly every value is new (ids, names) */
    void row(Object[] values, boolean[] repeats) throws IOException {
        row++;
        sheet.write("<row r=\"" + row + "\">");
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            String ref = column(c) + row;
            if (v instanceof LocalDate d) {
                sheet.write("<c r=\"" + ref + "\" s=\"1\"><v>" + (d.toEpochDay() - EXCEL_EPOCH.toEpochDay()) + "</v></c>");
            } else if (v instanceof Number n) {
                sheet.write("<c r=\"" + ref + "\"><v>" + org.pipelineaudit.ingest.CellValue.plain(n.doubleValue()) + "</v></c>");
            } else {
                sheet.write("<c r=\"" + ref + "\" t=\"s\"><v>" + index(v.toString(), repeats == null || repeats[c]) + "</v></c>");
            }
        }
        sheet.write("</row>");
    }

    private int index(String s, boolean repeats) throws IOException {
        references++;
        if (repeats) {
            Integer known = shared.get(s);
            if (known != null) {
                return known;
            }
        }
        strings.write("<si><t>" + escape(s) + "</t></si>");
        int i = stringCount++;
        if (repeats && shared.size() < SHARED_LIMIT) {
            shared.put(s, i);
        }
        return i;
    }

    @Override
    public void close() throws IOException {
        sheet.close();
        strings.close();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(escape(sheetName)));
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
            part(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    </styleSheet>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            Files.copy(sheetPart, zip);
            write(zip, "</sheetData></worksheet>");
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + references
                    + "\" uniqueCount=\"" + stringCount + "\">");
            Files.copy(stringsPart, zip);
            write(zip, "</sst>");
            zip.closeEntry();
        } finally {
            Files.deleteIfExists(sheetPart);
            Files.deleteIfExists(stringsPart);
        }
    }

    private String sheetName = "Sheet1";

    SharedStringsXlsxWriter sheetName(String name) {
        this.sheetName = name;
        return this;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, xml);
        zip.closeEntry();
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    static String column(int c) {
        StringBuilder sb = new StringBuilder();
        for (int n = c + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
