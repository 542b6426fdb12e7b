/** The licence server's storage, with plain JDBC like the rest of mssg. */
package it.mssg.licensing.server.store;
