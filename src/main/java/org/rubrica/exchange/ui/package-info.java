/** The administrator's page of installations this one exchanges with. */
package org.rubrica.exchange.ui;
