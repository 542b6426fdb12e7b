package it.mssg.core.api;

/** The send governor's settings, stored in the local database; defaults from {@code GovernorSettings.defaults()}. */
public interface GovernorSettingsApi {

    GovernorSettingsView get();

    /** @throws InvalidInputException settings the governor cannot work with (e.g. caps that shrink) */
    GovernorSettingsView update(GovernorSettingsView settings);

    /** Back to the defaults. */
    GovernorSettingsView reset();

    /** The inbound messages that opt a contact out, as the user wrote them (defaults: STOP, PARAR, BAJA, STOPP, ARRÊT …). */
    java.util.List<String> optOutKeywords();

    /**
     * Replaces the opt-out keywords; an empty list restores the defaults.
     *
     * @throws InvalidInputException a keyword without letters or digits, or longer than 40 characters
     */
    java.util.List<String> updateOptOutKeywords(java.util.List<String> keywords);
}
