package org.rubrica.metrics;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What paper correspondence cost the institution, per unit: a sheet of paper, printing one page, carrying one
 * copy to its recipient (a messenger's trip). Set them to the institution's own figures.
 */
@ConfigurationProperties("rubrica.metrics.savings")
public record SavingsRates(BigDecimal sheet, BigDecimal printing, BigDecimal delivery, String currency) {

    public SavingsRates {
        sheet = sheet == null ? new BigDecimal("0.20") : sheet;
        printing = printing == null ? new BigDecimal("0.80") : printing;
        delivery = delivery == null ? new BigDecimal("45.00") : delivery;
        currency = currency == null ? "MXN" : currency;
    }
}
