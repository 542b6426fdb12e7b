/**
 * The messaging core's rules as plain Java, tested as tables: phone numbers (E.164 via libphonenumber),
 * WhatsApp ids, message status moves, derived search texts, tag colours; {@code csv} reads and writes
 * contact files; {@code sending} holds the send governor.
 */
package it.mssg.core.domain;
