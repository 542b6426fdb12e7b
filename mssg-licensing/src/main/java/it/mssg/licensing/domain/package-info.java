/** Licence rules as pure Java: the token format, its offline check, and the licence state as a function of time. */
package it.mssg.licensing.domain;
