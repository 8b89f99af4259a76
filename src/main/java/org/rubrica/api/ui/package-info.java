/** The API's administration page: integration tokens. */
package org.rubrica.api.ui;
