package it.mssg.core.api;

import java.time.Instant;

/** The first-run acknowledgement as stored: terms version accepted, when. */
public record AcknowledgementView(String termsVersion, Instant acceptedAt) {
}
