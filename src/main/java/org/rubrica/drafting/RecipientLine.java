package org.rubrica.drafting;

/** A recipient as shown: the unit, and the person when it is for someone's attention. */
public record RecipientLine(Recipient.Addressing addressing, long unitId, String unitCode, String unitName,
                            Long personId, String personName) {

    public String label() {
        return personName == null ? unitCode + " · " + unitName : personName + " (" + unitCode + ")";
    }
}
