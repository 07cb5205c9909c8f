/** JDBC repositories over the Flyway-managed schema (db/migration): the pipeline snapshot, runs, inputs and data issues. */
package org.pipelineaudit.store;
