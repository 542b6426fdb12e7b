package it.mssg.licensing.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Catches webhook events Stripe could not deliver by re-reading every open subscription now and then. */
@Component
class ReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final LicenceService licences;

    ReconciliationJob(LicenceService licences) {
        this.licences = licences;
    }

    @Scheduled(initialDelayString = "${mssg.licence-server.reconcile-interval:PT1H}",
            fixedDelayString = "${mssg.licence-server.reconcile-interval:PT1H}")
    void reconcile() {
        log.info("Reconciled {} licences with Stripe", licences.reconcile());
    }
}
