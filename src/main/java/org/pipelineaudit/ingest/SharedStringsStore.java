package org.pipelineaudit.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared-strings table (xl/sharedStrings.xml). A small table stays on the heap; a large one
 * (a million-row export has millions of distinct strings) is spilled as UTF-8 to a temporary file that
 * is memory-mapped, with one int offset per string on the heap, so the heap holds 4 bytes per string
 * instead of a String object. A small cache keeps the frequent ones (stages, teams) decoded.
 */
final class SharedStringsStore implements AutoCloseable {

    /** Strings kept on the heap before the table spills to disk. */
    static final int HEAP_LIMIT = 50_000;
    private static final int CACHE = 4096;

    private List<String> heap = new ArrayList<>();
    private Path spillFile;
    private OutputStream spillOut;
    private long spillBytes;
    private int[] offsets;
    private int count;
    private MappedByteBuffer mapped;
    private final String[] cache = new String[CACHE];
    private final int[] cachedIndex = new int[CACHE];
    private byte[] scratch = new byte[256];

    private SharedStringsStore() {
        Arrays.fill(cachedIndex, -1);
    }

    static SharedStringsStore empty() {
        return new SharedStringsStore();
    }

    /** Reads every {@code <si>}: its {@code <t>} texts joined, phonetic runs ({@code <rPh>}) left out. */
    static SharedStringsStore read(InputStream in) throws XMLStreamException, IOException {
        SharedStringsStore store = new SharedStringsStore();
        XMLStreamReader xml = SafeXml.open(in);
        try {
            StringBuilder text = new StringBuilder();
            boolean inPhonetic = false;
            while (xml.hasNext()) {
                int event = SafeXml.next(xml);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text.setLength(0);
                        case "rPh" -> inPhonetic = true;
                        case "t" -> {
                            if (!inPhonetic) {
                                text.append(xml.getElementText());
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> store.add(text.toString());
                        case "rPh" -> inPhonetic = false;
                        default -> { }
                    }
                }
            }
        } finally {
            xml.close();
        }
        store.seal();
        return store;
    }

    private void add(String s) throws IOException {
        if (spillOut == null && heap.size() < HEAP_LIMIT) {
            heap.add(s);
            return;
        }
        if (spillOut == null) {
            spillFile = Files.createTempFile("pipeline-audit-sst-", ".bin");
            spillFile.toFile().deleteOnExit();
            spillOut = new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 16);
            offsets = new int[HEAP_LIMIT * 4 + 1];
            for (String h : heap) {
                spill(h);
            }
            heap = null;
        }
        spill(s);
    }

    private void spill(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (spillBytes + bytes.length > Integer.MAX_VALUE) {
            throw new IOException("the shared-strings table is larger than 2 GB");
        }
        if (count + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[count] = (int) spillBytes;
        spillOut.write(bytes);
        spillBytes += bytes.length;
        count++;
        offsets[count] = (int) spillBytes;
    }

    private void seal() throws IOException {
        if (spillOut == null) {
            count = heap.size();
            return;
        }
        spillOut.close();
        try (FileChannel channel = FileChannel.open(spillFile, StandardOpenOption.READ)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, spillBytes);
        }
    }

    boolean spilled() {
        return mapped != null;
    }

    int size() {
        return count;
    }

    /** The string at index i, or "" for an index the table does not have. */
    String get(int i) {
        if (i < 0 || i >= count) {
            return "";
        }
        if (mapped == null) {
            return heap.get(i);
        }
        int slot = i & (CACHE - 1);
        if (cachedIndex[slot] == i) {
            return cache[slot];
        }
        int start = offsets[i];
        int length = offsets[i + 1] - start;
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        mapped.get(start, scratch, 0, length);
        String s = new String(scratch, 0, length, StandardCharsets.UTF_8);
        cache[slot] = s;
        cachedIndex[slot] = i;
        return s;
    }

    @Override
    public void close() {
        mapped = null; // the mapping is released when collected; the file can be deleted now on Linux
        if (spillFile != null) {
            try {
                if (spillOut != null) {
                    spillOut.close();
                }
                Files.deleteIfExists(spillFile);
            } catch (IOException e) {
                // a temp file left behind is removed at exit
            }
        }
    }
}
