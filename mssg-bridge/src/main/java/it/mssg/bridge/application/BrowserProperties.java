package it.mssg.bridge.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mssg.browser.executable}: the Chromium to drive; blank means look in the usual places. */
@ConfigurationProperties("mssg.browser")
public record BrowserProperties(String executable) {
}
