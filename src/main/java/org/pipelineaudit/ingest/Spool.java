package org.pipelineaudit.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelineaudit.model.Kind;

/**
 * A file's parsed records, data issues and sheet summaries in a compact binary temp file, in read
 * order: partitions parse files in parallel into spools, then the spools are loaded one after the
 * other in file order (so a later file still replaces an earlier one, as in a serial run).
 */
public final class Spool implements RecordSink, AutoCloseable {

    private static final byte RECORD = 'R', ISSUE = 'I', SHEET = 'S';
    private static final byte NULL = 0, TEXT = 1, DATE = 2, DECIMAL = 3, INT = 4, LONG = 5, DOUBLE = 6, BOOL = 7;

    private final Path file;
    private final DataOutputStream out;

    private Spool(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** A new spool in this process's {@link SpoolFolder}. */
    public static Spool create() throws IOException {
        Path file = Files.createTempFile(SpoolFolder.current(), "spool-", ".bin");
        file.toFile().deleteOnExit();
        return new Spool(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public void record(Kind kind, String sheet, int row, Map<String, Object> values) {
        try {
            out.writeByte(RECORD);
            out.writeByte(kind.ordinal());
            text(sheet);
            out.writeInt(row);
            out.writeShort(values.size());
            for (var e : values.entrySet()) {
                text(e.getKey());
                value(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void issue(DataIssue issue) {
        try {
            out.writeByte(ISSUE);
            text(issue.file());
            text(issue.sheet());
            value(issue.row());
            text(issue.column());
            text(issue.value());
            text(issue.reason());
            out.writeByte(issue.action().ordinal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sheets(List<SheetSummary> sheets) throws IOException {
        for (SheetSummary s : sheets) {
            out.writeByte(SHEET);
            text(s.sheet());
            kind(s.kind());
            out.writeInt(s.rowsRead());
            out.writeInt(s.rowsLoaded());
            out.writeInt(s.rowsRejected());
            texts(s.headers());
            kind(s.closestKind());
            texts(s.missing());
            text(s.note());
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Feeds the spooled records and issues to the sink in the order they were read; returns the sheet summaries. */
    public static List<SheetSummary> replay(Path file, RecordSink sink) throws IOException {
        List<SheetSummary> sheets = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int tag;
            while ((tag = in.read()) >= 0) {
                switch (tag) {
                    case RECORD -> {
                        Kind kind = Kind.values()[in.readByte()];
                        String sheet = text(in);
                        int row = in.readInt();
                        int n = in.readShort();
                        Map<String, Object> values = new LinkedHashMap<>(n * 2);
                        for (int i = 0; i < n; i++) {
                            values.put(text(in), value(in));
                        }
                        sink.record(kind, sheet, row, values);
                    }
                    case ISSUE -> sink.issue(new DataIssue(text(in), text(in), (Integer) value(in), text(in), text(in), text(in),
                            DataIssue.Action.values()[in.readByte()]));
                    case SHEET -> sheets.add(new SheetSummary(text(in), kind(in), in.readInt(), in.readInt(), in.readInt(), texts(in),
                            kind(in), texts(in), text(in)));
                    default -> throw new IOException("damaged spool file " + file + " (tag " + tag + ")");
                }
            }
        }
        return sheets;
    }

    private void text(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(n);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void texts(List<String> list) throws IOException {
        out.writeInt(list == null ? -1 : list.size());
        if (list != null) {
            for (String s : list) {
                text(s);
            }
        }
    }

    private static List<String> texts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(text(in));
        }
        return list;
    }

    private void kind(Kind kind) throws IOException {
        out.writeByte(kind == null ? -1 : kind.ordinal());
    }

    private static Kind kind(DataInputStream in) throws IOException {
        int k = in.readByte();
        return k < 0 ? null : Kind.values()[k];
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(TEXT);
            text(s);
        } else if (v instanceof LocalDate d) {
            out.writeByte(DATE);
            out.writeLong(d.toEpochDay());
        } else if (v instanceof BigDecimal b) {
            out.writeByte(DECIMAL);
            text(b.toString());
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOL);
            out.writeBoolean(b);
        } else {
            out.writeByte(TEXT); // enums and anything else are stored by their text, as the tables do
            text(v.toString());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        int type = in.readByte();
        return switch (type) {
            case NULL -> null;
            case TEXT -> text(in);
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case DECIMAL -> new BigDecimal(text(in));
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOL -> in.readBoolean();
            default -> throw new IOException("damaged spool value (type " + type + ")");
        };
    }
}
