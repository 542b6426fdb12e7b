/** The session service (WhatsAppSession), the gateway (WhatsAppGateway), settings and wiring. */
package it.mssg.bridge.application;
