/** Reading YAML settings files with line-accurate errors, and the configuration error type. */
package org.pipelineaudit.config;
