package it.mssg.licensing.api;

import java.net.URI;
import java.util.Optional;

/** The Licence screen's use cases. Calls that reach the licence server throw {@link LicensingException} on failure. */
public interface Licensing {

    /** The licence state now, computed offline from what is stored. */
    LicenceView current();

    /** Asks the licence server for a Stripe Checkout page for this install; the user opens it in their browser. */
    URI startCheckout(Optional<String> email);

    /** Activates a licence key pasted by the user on this install. */
    LicenceView activate(String licenceKey);

    /** Fetches a fresh token for the stored licence; when the server cannot be reached the stored token stays. */
    LicenceView refresh();

    /** A Stripe Customer Portal page where the user manages their subscription and invoices. */
    URI manageBilling();

    /** Exactly what licensing keeps on this machine and what it sends to the licence server. */
    StoredDataView storedData();
}
