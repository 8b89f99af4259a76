/**
 * The indicators page.
 */
package org.rubrica.metrics.ui;
