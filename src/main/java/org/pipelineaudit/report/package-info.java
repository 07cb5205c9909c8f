/** Outputs of a run: findings.csv, data-issues.csv, summary.json, the workbook and the PDFs. */
package org.pipelineaudit.report;
