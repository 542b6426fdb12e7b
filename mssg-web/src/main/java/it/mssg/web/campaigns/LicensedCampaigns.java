package it.mssg.web.campaigns;

import it.mssg.core.spi.CampaignLicence;
import it.mssg.licensing.api.Entitlements;
import org.springframework.stereotype.Component;

/** Campaigns above the free size start only with a licence that includes them, whichever way they are started. */
@Component
class LicensedCampaigns implements CampaignLicence {

    private final Entitlements entitlements;

    LicensedCampaigns(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public boolean allowsCampaignTo(int recipients) {
        return entitlements.allowsCampaignTo(recipients);
    }
}
