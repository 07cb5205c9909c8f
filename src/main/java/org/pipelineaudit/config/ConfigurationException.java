package org.pipelineaudit.config;

/** A usage or configuration error: the command exits 1 with this one-line reason. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String reason) {
        super(reason);
    }

    public ConfigurationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
