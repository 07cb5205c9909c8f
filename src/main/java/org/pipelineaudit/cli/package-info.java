/** The command line: options (SPEC §1), command dispatch and the printed run summary. */
package org.pipelineaudit.cli;
