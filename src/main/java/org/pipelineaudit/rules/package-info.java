/**
 * The rules of SPEC §4: one class per rule (opportunity/, activity/, pitfall/), their settings (§5), the
 * evaluation pass and the audit job.
 */
package org.pipelineaudit.rules;
