/** The nightly trigger for serve (Spring cron) and its cluster lock (ShedLock). */
package org.pipelineaudit.schedule;
