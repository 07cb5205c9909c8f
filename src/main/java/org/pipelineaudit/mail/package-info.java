/** Report emails: the outbox table, composing the managers' and auditors' emails, sending or writing .eml files. */
package org.pipelineaudit.mail;
