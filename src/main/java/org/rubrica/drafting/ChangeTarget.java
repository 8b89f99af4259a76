package org.rubrica.drafting;

/** What a tracked change changes: the body, the subject or one of the template's fields. */
public enum ChangeTarget { BODY, SUBJECT, FIELD }
