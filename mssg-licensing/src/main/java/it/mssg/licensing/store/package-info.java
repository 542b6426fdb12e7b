/** The licence client's one stored record, in the app's database. */
package it.mssg.licensing.store;
