/** The canonical model of SPEC §2: kinds of record, their fields and enumerated values. */
package org.pipelineaudit.model;
