package it.mssg.core.spi;

/**
 * Whether the licence lets a campaign reach this many recipients. Implemented where the licence is known (the web
 * application, from licensing's entitlements) and asked by the campaign start itself, inside its transaction, so
 * every way in (dashboard, API) meets the same rule. Without any implementation (core on its own, in its tests)
 * every size is allowed.
 */
public interface CampaignLicence {

    boolean allowsCampaignTo(int recipients);
}
