/** The licence server's storage: plain JDBC, so the app's JPA scanning never meets these tables. */
package it.mssg.licensing.server.store;
