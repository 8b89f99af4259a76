/**
 * Exchange between installations: each installation signs the envelopes it sends with its node identity, knows the
 * other installations it trusts (by their node certificates) and their units, and checks every envelope that
 * arrives — signature, sender, files, and that it was not received before.
 */
package org.rubrica.exchange;
