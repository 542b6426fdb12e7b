/** The bridge's rules as pure Java: the session state machine, recovery backoff, typing time, sync progress. */
package it.mssg.bridge.domain;
