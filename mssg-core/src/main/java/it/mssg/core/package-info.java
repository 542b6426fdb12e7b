/** The messaging domain: contacts, tags, chats, messages, the outbox and send governor, and their local storage. */
package it.mssg.core;
