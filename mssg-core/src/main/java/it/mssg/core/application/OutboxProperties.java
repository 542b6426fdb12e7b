package it.mssg.core.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the outbox's send loop ({@code mssg.outbox.*}); the governor's own settings live in the database.
 *
 * @param sendLoop         whether the send loop runs (off only in tests that drive it by hand)
 * @param timeZone         the user's zone for quiet hours and daily caps; empty = this machine's zone
 * @param reconcileMessages how many recent chat messages an uncertain entry is checked against first
 * @param longestSleep     the loop looks again at least this often while entries wait (a clock that jumps is noticed)
 * @param idleSleep        with nothing queued the loop sleeps until something wakes it ({@link SendSignal}), and looks
 *                         again at least this often (a safety net; an idle app should not wake every few seconds)
 */
@ConfigurationProperties("mssg.outbox")
public record OutboxProperties(@DefaultValue("true") boolean sendLoop,
                               @DefaultValue("") String timeZone,
                               @DefaultValue("50") int reconcileMessages,
                               @DefaultValue("15s") Duration longestSleep,
                               @DefaultValue("5m") Duration idleSleep) {

    java.time.ZoneId zone() {
        return timeZone.isBlank() ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(timeZone);
    }
}
