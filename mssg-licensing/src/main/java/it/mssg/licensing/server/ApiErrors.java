package it.mssg.licensing.server;

import it.mssg.licensing.server.stripe.InvalidWebhookException;
import it.mssg.licensing.server.stripe.StripeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** Turns failures into {@code {"error": "..."}} answers with a fitting status. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(LicenceNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(LicenceNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e instanceof IllegalArgumentException ? e.getMessage() : "Malformed request.");
    }

    @ExceptionHandler(InvalidWebhookException.class)
    ResponseEntity<Map<String, String>> invalidWebhook(InvalidWebhookException e) {
        log.warn("Refused a webhook request: {}", e.getMessage());
        return error(HttpStatus.BAD_REQUEST, "Invalid webhook.");
    }

    @ExceptionHandler(StripeUnavailableException.class)
    ResponseEntity<Map<String, String>> stripeUnavailable(StripeUnavailableException e) {
        log.warn("Stripe failed: {}", e.getMessage());
        return error(HttpStatus.BAD_GATEWAY, "Payments are unavailable right now; please try again later.");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
