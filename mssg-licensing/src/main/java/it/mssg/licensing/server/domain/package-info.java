/** The licence server's records and rules, pure Java. */
package it.mssg.licensing.server.domain;
