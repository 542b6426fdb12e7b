package it.mssg.licensing.application;

import it.mssg.licensing.api.Licensing;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Refreshes the licence token now and then while the app runs; offline, the stored token simply stays. */
@Component
class LicenceRefreshJob {

    private final Licensing licensing;

    LicenceRefreshJob(Licensing licensing) {
        this.licensing = licensing;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${mssg.licensing.refresh-interval:PT6H}")
    void refresh() {
        licensing.refresh();
    }
}
