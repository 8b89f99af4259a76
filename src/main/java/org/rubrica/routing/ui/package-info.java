/**
 * Routing's views, and the route panel the oficio page (in the shell) shows.
 */
@NamedInterface("ui")
package org.rubrica.routing.ui;

import org.springframework.modulith.NamedInterface;
