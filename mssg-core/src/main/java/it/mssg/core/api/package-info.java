/**
 * What other modules and the web may call: use-case interfaces ({@code *Queries}, {@code *Commands},
 * {@link it.mssg.core.api.ContactImport}, {@link it.mssg.core.api.SettingsApi}), the self-validating command
 * and query records they take, the {@code *View} records they return, events (past tense), and typed
 * exceptions: {@link it.mssg.core.api.NotFoundException} (404), {@link it.mssg.core.api.InvalidInputException}
 * (400), {@link it.mssg.core.api.ConflictException} (409), {@link it.mssg.core.api.ImportRejectedException}
 * (400/413).
 */
package it.mssg.core.api;
