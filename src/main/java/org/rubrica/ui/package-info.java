/**
 * The shell: main layout, login, navigation, language switch, error pages and the oficio page.
 */
@ApplicationModule(displayName = "ui")
package org.rubrica.ui;

import org.springframework.modulith.ApplicationModule;
