package org.pipelineaudit.model;

/** Purchase intent (购买意愿). */
public enum Intent { STRONG, SOME, UNCLEAR }
