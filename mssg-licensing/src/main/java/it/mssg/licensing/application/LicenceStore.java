package it.mssg.licensing.application;

import it.mssg.licensing.domain.StoredLicence;

/** Where the licence client keeps its one record, in the app's database. */
public interface LicenceStore {

    /** The stored record; on first use one is created with a new random install id. */
    StoredLicence load();

    void save(StoredLicence licence);
}
