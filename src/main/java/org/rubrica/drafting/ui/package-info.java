/**
 * Drafting's views, and the recipients panel the oficio page (in the shell) shows.
 */
@NamedInterface("ui")
package org.rubrica.drafting.ui;

import org.springframework.modulith.NamedInterface;
