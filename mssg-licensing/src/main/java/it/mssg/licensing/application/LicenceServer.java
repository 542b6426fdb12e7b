package it.mssg.licensing.application;

import java.net.URI;
import java.util.Optional;

/** The vendor's licence server as the app sees it. Failures are {@link it.mssg.licensing.api.LicensingException}s. */
interface LicenceServer {

    URI startCheckout(String installId, Optional<String> email);

    URI openPortal(String licenceId, String installId);

    /** A token for the licence key on this install. */
    String activate(String licenceKey, String installId);

    /** A fresh token for the licence on this install. */
    String refresh(String licenceId, String installId);
}
