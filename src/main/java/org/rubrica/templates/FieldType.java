package org.rubrica.templates;

/** The kinds of value a template field holds. */
public enum FieldType { TEXT, LONG_TEXT, DATE, NUMBER, CHOICE, PERSON, UNIT }
