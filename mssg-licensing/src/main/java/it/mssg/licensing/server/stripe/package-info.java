/** The only code that talks to Stripe (stripe-java): checkout, portal, subscriptions and webhook signatures. */
package it.mssg.licensing.server.stripe;
