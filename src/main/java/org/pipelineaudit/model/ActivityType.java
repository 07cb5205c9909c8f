package org.pipelineaudit.model;

/** Follow-up channel (跟进方式). */
public enum ActivityType { CALL, EMAIL, MEETING, VISIT, MESSAGE, OTHER }
