package org.rubrica.drafting;

/** How urgently an oficio should be dealt with; set by its drafter, sorted on by those who review and sign it. */
public enum Priority { NORMAL, URGENT }
