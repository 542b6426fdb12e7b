package it.mssg.licensing.server;

import it.mssg.licensing.server.domain.WebhookEvent;
import it.mssg.licensing.server.stripe.StripeBilling;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stripe's webhook. The signature is checked over the raw body as received (never parsed and re-serialised first);
 * a replayed event id gets 200 so Stripe stops sending it, and is not processed again.
 */
@RestController
class StripeWebhookController {

    private final StripeBilling stripe;
    private final LicenceService licences;

    StripeWebhookController(StripeBilling stripe, LicenceService licences) {
        this.stripe = stripe;
        this.licences = licences;
    }

    @PostMapping(path = "/stripe/webhook", consumes = "*/*")
    ResponseEntity<Map<String, Object>> receive(@RequestBody byte[] rawBody,
                                                @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        // Stripe signs the UTF-8 bytes it sends; decoding them ourselves keeps any content type's charset out of it.
        WebhookEvent event = stripe.verifiedEvent(new String(rawBody, StandardCharsets.UTF_8), signature);
        boolean processed = licences.handle(event);
        return ResponseEntity.ok(Map.of("received", true, "processed", processed));
    }
}
