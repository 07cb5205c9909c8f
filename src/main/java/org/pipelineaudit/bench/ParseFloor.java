package org.pipelineaudit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pipelineaudit.ingest.SafeXml;

/**
 * The floor a reader cannot beat for a file, measured in the same run: for xlsx, inflating every sheet
 * and running a bare StAX parse over it (no objects built); for CSV, reading its characters once.
 */
final class ParseFloor {

    record Floor(double inflateSeconds, double parseSeconds) {
        double total() {
            return inflateSeconds + parseSeconds;
        }
    }

    private ParseFloor() {
    }

    static Floor of(Path file) throws IOException {
        if (file.toString().endsWith(".xlsx")) {
            return xlsx(file);
        }
        long t = System.nanoTime();
        char[] buffer = new char[1 << 16];
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.read(buffer) >= 0) {
                // read only
            }
        }
        return new Floor(0, (System.nanoTime() - t) / 1e9);
    }

    private static Floor xlsx(Path file) throws IOException {
        double inflate = 0;
        double parse = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().startsWith("xl/worksheets/") && !entry.getName().equals("xl/sharedStrings.xml")) {
                    continue;
                }
                long t = System.nanoTime();
                byte[] buffer = new byte[1 << 16];
                try (InputStream in = zip.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // inflate only
                    }
                }
                inflate += (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                try (InputStream in = zip.getInputStream(entry)) {
                    XMLStreamReader xml = SafeXml.open(in); // the parser the reader uses
                    while (xml.hasNext()) {
                        xml.next();
                    }
                    xml.close();
                } catch (XMLStreamException e) {
                    throw new IOException(e);
                }
                parse += (System.nanoTime() - t) / 1e9; // this pass inflates again: the inflate time is subtracted below
            }
        }
        return new Floor(inflate, Math.max(0, parse - inflate));
    }
}
