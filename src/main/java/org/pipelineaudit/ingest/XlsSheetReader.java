package org.pipelineaudit.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads legacy .xls (BIFF8). The format caps a sheet at 65,536 rows, so the user model's memory
 * is bounded by the format itself; cached formula results are read, never recalculated.
 */
public final class XlsSheetReader implements SpreadsheetReader {

    @Override
    public void read(Path file, SheetRowHandler handler) throws UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
             HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
            for (Sheet sheet : workbook) {
                handler.startSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    List<CellValue> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        while (cells.size() < cell.getColumnIndex()) {
                            cells.add(CellValue.EMPTY);
                        }
                        cells.add(toCell(cell));
                    }
                    handler.row(row.getRowNum() + 1, cells);
                }
                handler.endSheet();
            }
        } catch (org.apache.poi.EmptyFileException e) {
            throw new UnreadableFileException("the file is empty (0 bytes)", e);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException("the workbook is password-protected (encrypted)", e);
        } catch (OldExcelFormatException e) {
            throw new UnreadableFileException("the workbook is in an Excel 5/95 format that is not supported; save it as .xlsx", e);
        } catch (NotOLE2FileException e) {
            throw new UnreadableFileException("not an Excel .xls workbook", e);
        } catch (LimitExceededException e) {
            throw new UnreadableFileException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("cannot read the workbook: " + XlsxSheetReader.rootMessage(e), e);
        }
    }

    private static CellValue toCell(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double n = cell.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(n)) {
                    yield CellValue.date(cell.getLocalDateTimeCellValue(), n);
                }
                String format = cell.getCellStyle().getDataFormatString();
                yield CellValue.number(n, format != null && format.contains("%"));
            }
            case STRING -> CellValue.text(cell.getRichStringCellValue().getString());
            case BOOLEAN -> CellValue.text(cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            default -> CellValue.EMPTY;
        };
    }
}
