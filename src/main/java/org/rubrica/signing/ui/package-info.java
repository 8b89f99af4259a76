/** Signing's views, and the sign panel the oficio page (in the shell) shows. */
@NamedInterface("ui")
package org.rubrica.signing.ui;

import org.springframework.modulith.NamedInterface;
