package it.mssg.core.api;

import java.util.List;

/** The user's settings kept in the local database, and the first-run acknowledgement. */
public interface SettingsApi {

    SettingsView get();

    /** All regions libphonenumber knows, by name. */
    List<RegionView> regions();

    /** @throws InvalidInputException unknown region code */
    SettingsView setDefaultRegion(String regionCode);

    /** Shortcut for {@code get().acknowledged()}; cheap enough for a filter on every page. */
    boolean acknowledged();

    /**
     * Stores the acknowledgement with the current time.
     *
     * @throws InvalidInputException {@code termsVersion} is not the current one
     */
    AcknowledgementView acknowledge(Acknowledgement acknowledgement);
}
