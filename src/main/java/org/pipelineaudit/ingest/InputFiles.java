package org.pipelineaudit.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lists the files of an input folder (SPEC §2): spreadsheets to read, in snapshot order
 * (last-modified time, then name), and the other files, which are skipped and reported.
 * Hidden files, Excel lock files and partial downloads are ignored silently.
 */
public final class InputFiles {

    public enum Format { XLSX, XLS, CSV }

    public record Input(Path path, Format format) {
    }

    public record Listing(List<Input> inputs, List<Path> skipped) {
    }

    public Listing list(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> stream = Files.list(folder)) {
            files = stream.filter(Files::isRegularFile).filter(p -> !isIgnored(p)).toList();
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(InputFiles::modified).thenComparing(p -> p.getFileName().toString()));
        List<Input> inputs = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path file : sorted) {
            Format format = formatOf(file);
            if (format == null) {
                skipped.add(file);
            } else {
                inputs.add(new Input(file, format));
            }
        }
        return new Listing(inputs, skipped);
    }

    public static boolean isIgnored(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~$") || lower.endsWith(".tmp") || lower.endsWith(".part")
                || lower.endsWith(".crdownload");
    }

    public static Format formatOf(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            return Format.XLSX;
        }
        if (lower.endsWith(".xls")) {
            return Format.XLS;
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
            return Format.CSV;
        }
        return null;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
