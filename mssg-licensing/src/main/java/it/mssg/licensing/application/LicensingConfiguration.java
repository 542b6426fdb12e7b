package it.mssg.licensing.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the licence client into the app. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LicensingSettings.class)
@EnableScheduling
class LicensingConfiguration {
}
