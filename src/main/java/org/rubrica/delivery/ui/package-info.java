/**
 * Delivery's views, and the assignment panel the oficio page (in the shell) shows.
 */
@NamedInterface("ui")
package org.rubrica.delivery.ui;

import org.springframework.modulith.NamedInterface;
