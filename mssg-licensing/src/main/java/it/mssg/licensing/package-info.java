/** Licences: the client that checks signed tokens offline in the app, and the vendor's licence server on Stripe. */
package it.mssg.licensing;
