package org.pipelineaudit.ingest;

/** A file beyond a configured limit (size, rows): it fails alone, with the limit and the setting in the reason. */
public class LimitExceededException extends RuntimeException {

    public LimitExceededException(String reason) {
        super(reason);
    }
}
