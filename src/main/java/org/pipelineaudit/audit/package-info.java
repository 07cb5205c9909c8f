/** The audit after ingestion, shared by `audit` and `nightly`: the rules job, then every output file. */
package org.pipelineaudit.audit;
