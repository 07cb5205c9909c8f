/** The bench command: generated large exports, timed through the real ingest job and rules. */
package org.pipelineaudit.bench;
