package org.pipelineaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a CSV's encoding: a BOM says UTF-8 or UTF-16; otherwise the file is UTF-8 if every
 * byte decodes as UTF-8, else GB18030 (what Excel on Chinese Windows writes; a superset of GBK).
 */
public final class CsvEncodingDetector {

    /** The charset and the number of BOM bytes to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    public Detected detect(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        return new Detected(isValidUtf8(file) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    private static boolean isValidUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (var channel = Files.newByteChannel(file)) {
            while (channel.read(in) >= 0) {
                in.flip();
                if (decoder.decode(in, out, false).isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            in.flip();
            if (decoder.decode(in, out, true).isError() || in.hasRemaining()) {
                return false;
            }
            return !decoder.flush(out).isError();
        }
    }
}
