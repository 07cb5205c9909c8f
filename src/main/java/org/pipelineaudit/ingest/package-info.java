/**
 * Reading CRM exports: file formats and encodings, header-row and kind detection, header and value
 * aliases (built-in presets and mapping files), value parsers, the ingest job and data issues.
 */
package org.pipelineaudit.ingest;
