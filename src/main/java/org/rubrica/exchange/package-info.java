/**
 * Exchange between installations: each installation signs the envelopes it sends with its node identity, knows the
 * other installations it trusts (by their node certificates) and their units, and checks every envelope that
 * arrives — signature, sender, files, and that it was not received before — before delivering it to the addressed
 * unit's inbox and acknowledging it back.
 */
@ApplicationModule(displayName = "exchange",
        allowedDependencies = {"directory", "drafting", "delivery", "signing", "shared"})
package org.rubrica.exchange;

import org.springframework.modulith.ApplicationModule;
