/**
 * The vendor's licence server: a separate Spring Boot application (never scanned by the app) that sells
 * subscriptions through Stripe, follows them by webhook and reconciliation, and signs licence tokens.
 */
package it.mssg.licensing.server;
