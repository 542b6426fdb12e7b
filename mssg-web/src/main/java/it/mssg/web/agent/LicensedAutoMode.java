package it.mssg.web.agent;

import it.mssg.agent.spi.AutoModeLicence;
import it.mssg.licensing.api.Entitlements;
import it.mssg.licensing.api.Feature;
import org.springframework.stereotype.Component;

/** AUTO mode sends only with a licence that includes it; without one the agent suggests instead. */
@Component
class LicensedAutoMode implements AutoModeLicence {

    private final Entitlements entitlements;

    LicensedAutoMode(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public boolean autoModeAllowed() {
        return entitlements.allows(Feature.AGENT_AUTO_MODE);
    }
}
