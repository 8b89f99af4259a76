/**
 * The search page.
 */
package org.rubrica.search.ui;
