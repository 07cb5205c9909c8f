package org.pipelineaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * Streams .xlsx/.xlsm sheets with a StAX pull parser: one row of cells in memory at a time.
 * Date-formatted numbers become dates (honouring the workbook's 1904 flag); percent-formatted
 * numbers are marked; formula cells give their cached value and are never evaluated.
 */
public final class XlsxSheetReader implements SpreadsheetReader {

    private static final int STYLE_PLAIN = 0, STYLE_DATE = 1, STYLE_PERCENT = 2;

    @Override
    public void read(Path file, SheetRowHandler handler) throws UnreadableFileException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = isDate1904(reader);
            byte[] styleKinds = styleKinds(reader.getStylesTable());
            try (SharedStringsStore strings = sharedStrings(reader)) {
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        handler.startSheet(sheets.getSheetName());
                        readSheet(sheet, strings, styleKinds, date1904, handler);
                        handler.endSheet();
                    }
                }
            }
        } catch (Exception e) {
            throw explain(e);
        }
    }

    /** The reason an analyst reads for a workbook that cannot be opened. */
    static UnreadableFileException explain(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceededException limit) {
                return new UnreadableFileException(limit.getMessage(), e);
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max"))) {
                return new UnreadableFileException("the workbook expands too much when decompressed (a possible zip bomb); it was not read", e);
            }
            if (t == t.getCause()) {
                break;
            }
        }
        if (e instanceof org.apache.poi.EmptyFileException) {
            return new UnreadableFileException("the file is empty (0 bytes)", e);
        }
        if (e instanceof OLE2NotOfficeXmlFileException || e instanceof EncryptedDocumentException) {
            return new UnreadableFileException("the workbook is password-protected (encrypted) or is an old-format .xls saved as .xlsx", e);
        }
        if (e instanceof NotOfficeXmlFileException) {
            return new UnreadableFileException("not an Excel workbook (the file is not an .xlsx zip package)", e);
        }
        if (e instanceof POIXMLException || e instanceof OpenXML4JException) {
            return new UnreadableFileException("the workbook is damaged: " + rootMessage(e), e);
        }
        if (e instanceof XMLStreamException || e instanceof org.xml.sax.SAXException) {
            return new UnreadableFileException("the workbook's XML is damaged or not allowed (e.g. a DOCTYPE): " + rootMessage(e), e);
        }
        if (e instanceof UnreadableFileException u) {
            return u;
        }
        return new UnreadableFileException("cannot read the workbook: " + rootMessage(e), e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static SharedStringsStore sharedStrings(XSSFReader reader) throws IOException, XMLStreamException {
        InputStream in;
        try {
            in = reader.getSharedStringsData();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IllegalArgumentException e) {
            in = null; // a workbook of numbers and inline strings has no table
        }
        if (in == null) {
            return SharedStringsStore.empty();
        }
        try (InputStream data = in) {
            return SharedStringsStore.read(data);
        }
    }

    private boolean isDate1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = SafeXml.open(in);
            try {
                while (xml.hasNext()) {
                    if (SafeXml.next(xml) == XMLStreamConstants.START_ELEMENT && "workbookPr".equals(xml.getLocalName())) {
                        String v = xml.getAttributeValue(null, "date1904");
                        return "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                    if (xml.isStartElement() && "sheets".equals(xml.getLocalName())) {
                        return false;
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    private static byte[] styleKinds(StylesTable styles) {
        if (styles == null) {
            return new byte[0];
        }
        int n = styles.getNumCellStyles();
        byte[] kinds = new byte[n];
        for (int i = 0; i < n; i++) {
            var style = styles.getStyleAt(i);
            if (style == null) {
                continue;
            }
            int id = style.getDataFormat();
            String format = style.getDataFormatString();
            if (DateUtil.isADateFormat(id, format)) {
                kinds[i] = STYLE_DATE;
            } else if (format != null && format.contains("%")) {
                kinds[i] = STYLE_PERCENT;
            }
        }
        return kinds;
    }

    private void readSheet(InputStream sheet, SharedStringsStore strings, byte[] styleKinds,
                           boolean date1904, SheetRowHandler handler) throws XMLStreamException {
        XMLStreamReader xml = SafeXml.open(sheet);
        // one list reused for every row: the handler copies what it keeps
        List<CellValue> cells = new ArrayList<>();
        int rowNumber = 0;
        int column = -1;
        String type = null;
        int style = 0;
        try {
            while (xml.hasNext()) {
                int event = SafeXml.next(xml);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                            cells.clear();
                            column = -1;
                        }
                        case "c" -> {
                            String ref = null;
                            type = null;
                            style = 0;
                            for (int a = 0, n = xml.getAttributeCount(); a < n; a++) {
                                switch (xml.getAttributeLocalName(a)) {
                                    case "r" -> ref = xml.getAttributeValue(a);
                                    case "t" -> type = xml.getAttributeValue(a);
                                    case "s" -> style = Integer.parseInt(xml.getAttributeValue(a));
                                    default -> { }
                                }
                            }
                            column = ref == null ? column + 1 : columnIndex(ref);
                        }
                        case "v" -> put(cells, column, toCell(type, xml.getElementText(), style, styleKinds, strings, date1904));
                        case "is" -> put(cells, column, CellValue.text(inlineText(xml)));
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                    handler.row(rowNumber, cells);
                }
            }
        } finally {
            xml.close();
        }
    }

    private static void put(List<CellValue> cells, int column, CellValue cell) {
        if (column < 0) {
            return;
        }
        while (cells.size() < column) {
            cells.add(CellValue.EMPTY);
        }
        if (cells.size() == column) {
            cells.add(cell);
        } else {
            cells.set(column, cell);
        }
    }

    /** The text of an inline string ({@code <is>}): its {@code <t>} runs joined, phonetic runs left out. */
    private static String inlineText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        boolean inPhonetic = false;
        while (depth > 0) {
            int event = SafeXml.next(xml);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    inPhonetic = true;
                } else if ("t".equals(xml.getLocalName()) && !inPhonetic) {
                    text.append(xml.getElementText());
                    continue; // getElementText consumed the end tag
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    inPhonetic = false;
                }
                depth--;
            }
        }
        return text.toString();
    }

    private static CellValue toCell(String type, String raw, int style, byte[] styleKinds,
                                    SharedStringsStore strings, boolean date1904) {
        if (type == null || "n".equals(type)) {
            if (raw.isEmpty()) {
                return CellValue.EMPTY;
            }
            double number;
            try {
                number = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                return CellValue.text(raw);
            }
            byte kind = style < styleKinds.length ? styleKinds[style] : STYLE_PLAIN;
            if (kind == STYLE_DATE && DateUtil.isValidExcelDate(number)) {
                return CellValue.date(excelDate(number, date1904), number);
            }
            return CellValue.number(number, kind == STYLE_PERCENT);
        }
        return switch (type) {
            case "s" -> {
                try {
                    yield CellValue.text(strings.get(Integer.parseInt(raw.trim())));
                } catch (NumberFormatException e) {
                    yield CellValue.text("");
                }
            }
            case "b" -> CellValue.text("1".equals(raw) ? "TRUE" : "FALSE");
            case "e" -> CellValue.text("");
            default -> CellValue.text(raw); // inlineStr, str (formula text result)
        };
    }

    private static final java.time.LocalDate EPOCH_1900 = java.time.LocalDate.of(1899, 12, 30);
    private static final java.time.LocalDate EPOCH_1904 = java.time.LocalDate.of(1904, 1, 1);

    /**
     * The date of a date-formatted serial. Most are whole days, counted here directly (POI's calendar
     * arithmetic was a tenth of parsing a large sheet); a time of day, and serials before 1900-03-01
     * (where Excel counts a 29 February 1900 that never was), go through POI.
     */
    static java.time.LocalDateTime excelDate(double serial, boolean date1904) {
        if (serial == Math.rint(serial) && serial < 2_958_466 && (date1904 ? serial >= 0 : serial >= 61)) {
            return (date1904 ? EPOCH_1904 : EPOCH_1900).plusDays((long) serial).atStartOfDay();
        }
        return DateUtil.getLocalDateTime(serial, date1904, true);
    }

    static int columnIndex(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        return col - 1;
    }
}
