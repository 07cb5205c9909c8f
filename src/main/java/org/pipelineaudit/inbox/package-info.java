/** The inbox folder: stable-file claiming, archive/ and failed/, SHA-256 duplicates, for nightly and serve. */
package org.pipelineaudit.inbox;
