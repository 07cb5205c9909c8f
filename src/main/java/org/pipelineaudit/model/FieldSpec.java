package org.pipelineaudit.model;

/** One canonical field of a kind: its name (also the SQL column) and how it is read. */
public record FieldSpec(String name, FieldType type, boolean required, boolean stored) {

    static FieldSpec req(String name, FieldType type) {
        return new FieldSpec(name, type, true, true);
    }

    static FieldSpec opt(String name, FieldType type) {
        return new FieldSpec(name, type, false, true);
    }

    /** Read from the file but not stored: it only adjusts another field (e.g. an outcome column). */
    static FieldSpec inputOnly(String name, FieldType type) {
        return new FieldSpec(name, type, false, false);
    }
}
