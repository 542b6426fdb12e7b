package it.mssg.core;

import it.mssg.core.spi.CampaignLicence;
import org.springframework.stereotype.Component;

/** The licence as core's integration tests set it: any size by default, or up to a limit a test chooses. */
@Component
public class SwitchableCampaignLicence implements CampaignLicence {

    private volatile int limit = Integer.MAX_VALUE;

    public void limitTo(int recipients) {
        limit = recipients;
    }

    public void unlimited() {
        limit = Integer.MAX_VALUE;
    }

    @Override
    public boolean allowsCampaignTo(int recipients) {
        return recipients <= limit;
    }
}
