package org.pipelineaudit.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a header (or an enumerated value) for matching: NFKC (full-width to half-width), trim,
 * collapse inner white space, lower case. Also drops what import templates decorate headers with:
 * a leading {@code *} (required mark), a trailing {@code (必填)}/{@code (选填)} and {@code -例:...} hints.
 */
public final class HeaderNormalizer {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REQUIRED_MARK = Pattern.compile("^\\*+\\s*");
    private static final Pattern ANNOTATION = Pattern.compile("\\s*\\((必填|选填|可选|required|optional)\\)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXAMPLE_HINT = Pattern.compile("\\s*-\\s*例\\s*:.*$");

    private HeaderNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = SPACES.matcher(s.strip()).replaceAll(" ");
        s = REQUIRED_MARK.matcher(s).replaceFirst("");
        s = ANNOTATION.matcher(s).replaceFirst("");
        s = EXAMPLE_HINT.matcher(s).replaceFirst("");
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
