package it.mssg.core.api;

/** The send governor's settings, stored in the local database; defaults from {@code GovernorSettings.defaults()}. */
public interface GovernorSettingsApi {

    GovernorSettingsView get();

    /** @throws InvalidInputException settings the governor cannot work with (e.g. caps that shrink) */
    GovernorSettingsView update(GovernorSettingsView settings);

    /** Back to the defaults. */
    GovernorSettingsView reset();
}
