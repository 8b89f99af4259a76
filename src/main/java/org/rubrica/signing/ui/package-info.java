/** Signing's views. */
package org.rubrica.signing.ui;
