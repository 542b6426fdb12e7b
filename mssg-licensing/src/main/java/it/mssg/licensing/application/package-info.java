/** The licence client's services: they coordinate the stored token, the offline check and the licence server. */
package it.mssg.licensing.application;
