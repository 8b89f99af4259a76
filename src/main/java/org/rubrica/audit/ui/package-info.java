/**
 * The auditor's page.
 */
package org.rubrica.audit.ui;
