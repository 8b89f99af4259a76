package org.rubrica.metrics.internal;

import org.rubrica.metrics.SavingsRates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SavingsRates.class)
class MetricsConfiguration {
}
