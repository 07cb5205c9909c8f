package org.pipelineaudit.ingest;

/** A file that cannot be read at all: the message is the reason an analyst reads. */
public class UnreadableFileException extends Exception {

    public UnreadableFileException(String reason) {
        super(reason);
    }

    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
