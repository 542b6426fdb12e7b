package it.mssg.agent;

import it.mssg.agent.spi.AutoModeLicence;
import org.springframework.stereotype.Component;

/** Stands in for the licence: AUTO allowed unless a test takes it away. */
@Component
public class SwitchableLicence implements AutoModeLicence {

    public volatile boolean allowed = true;

    @Override
    public boolean autoModeAllowed() {
        return allowed;
    }
}
