package it.mssg.licensing.server;

import it.mssg.licensing.domain.InstallIds;
import it.mssg.licensing.server.domain.CompletedCheckout;
import it.mssg.licensing.server.domain.Licence;
import it.mssg.licensing.server.domain.WebhookEvent;
import it.mssg.licensing.server.signing.TokenSigner;
import it.mssg.licensing.server.store.LicenceRepository;
import it.mssg.licensing.server.stripe.StripeBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The licence server's use cases. Stripe is the source of truth: every event only says "look again", and the
 * subscription is re-fetched, so events may arrive late, twice or out of order.
 */
@Service
class LicenceService {

    private static final Logger log = LoggerFactory.getLogger(LicenceService.class);
    private static final Set<String> SUBSCRIPTION_EVENTS = Set.of("customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.paused",
            "customer.subscription.resumed");

    private final LicenceRepository licences;
    private final StripeBilling stripe;
    private final TokenSigner signer;
    private final LicenceServerSettings settings;
    private final Clock clock;

    LicenceService(LicenceRepository licences, StripeBilling stripe, TokenSigner signer, LicenceServerSettings settings,
                   Clock clock) {
        this.licences = licences;
        this.stripe = stripe;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
    }

    URI startCheckout(String installId, Optional<String> email) {
        requireInstallId(installId);
        return stripe.startCheckout(installId, email, settings.trialDays(), settings.checkoutSuccessUrl(),
                settings.checkoutCancelUrl());
    }

    URI openPortal(String licenceId, String installId) {
        requireInstallId(installId);
        Licence licence = licences.byId(licenceId).orElseThrow(LicenceNotFoundException::new);
        return stripe.openPortal(licence.customerId(), settings.portalReturn());
    }

    /** A signed token for the licence on this install (activation and refresh are the same question). */
    @Transactional(readOnly = true)
    String token(String licenceId, String installId) {
        requireInstallId(installId);
        Licence licence = licences.byId(licenceId == null ? "" : licenceId.strip()).orElseThrow(LicenceNotFoundException::new);
        return signer.sign(licence.claims(settings.plan(), installId, clock.instant(), settings.gracePeriod()));
    }

    /** Handles a verified event once; returns false for a replay, which is acknowledged and ignored. */
    @Transactional
    boolean handle(WebhookEvent event) {
        if (licences.eventSeen(event.id())) {
            log.info("Stripe event {} already handled, ignoring the replay", event.id());
            return false;
        }
        if ("checkout.session.completed".equals(event.type()) && event.objectId() != null) {
            licenceForCheckout(event.objectId());
        } else if (SUBSCRIPTION_EVENTS.contains(event.type()) && event.objectId() != null) {
            syncSubscription(event.objectId());
        }
        licences.recordEvent(event.id(), event.type(), clock.instant());
        return true;
    }

    /** The licence bought in this Checkout session, created on first sight; empty while not paid. */
    @Transactional
    Optional<Licence> licenceForCheckout(String sessionId) {
        Optional<CompletedCheckout> checkout = stripe.completedCheckout(sessionId);
        if (checkout.isEmpty()) {
            return Optional.empty();
        }
        Licence licence = licences.bySubscription(checkout.get().subscriptionId())
                .orElseGet(() -> Licence.from(checkout.get(), Licence.newLicenceId()))
                .apply(stripe.subscription(checkout.get().subscriptionId()));
        licences.save(licence);
        return Optional.of(licence);
    }

    /** Re-reads the subscription from Stripe; a subscription we have no licence for yet waits for its checkout. */
    @Transactional
    void syncSubscription(String subscriptionId) {
        licences.bySubscription(subscriptionId).ifPresent(licence -> licences.save(licence.apply(stripe.subscription(subscriptionId))));
    }

    /** Catches missed events: re-reads every licence that may still change. Returns how many were checked. */
    int reconcile() {
        int checked = 0;
        for (Licence licence : licences.notCanceled()) {
            try {
                syncSubscription(licence.subscriptionId());
                checked++;
            } catch (RuntimeException e) {
                log.warn("Reconciling licence {} failed, will retry next run: {}", licence.licenceId(), e.getMessage());
            }
        }
        return checked;
    }

    private static void requireInstallId(String installId) {
        if (!InstallIds.isWellFormed(installId)) {
            throw new IllegalArgumentException("installId must be 32 lowercase hex characters");
        }
    }
}
