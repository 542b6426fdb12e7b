package it.mssg.licensing.server;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;

/** What the app calls. Requests carry only the install id and the licence id or key (and an optional email at checkout). */
@RestController
@RequestMapping("/api")
class LicenceApiController {

    private final LicenceService licences;

    LicenceApiController(LicenceService licences) {
        this.licences = licences;
    }

    @PostMapping("/checkout")
    Map<String, String> checkout(@RequestBody CheckoutRequest request) {
        Optional<String> email = Optional.ofNullable(request.email()).map(String::strip).filter(value -> !value.isEmpty());
        return Map.of("url", licences.startCheckout(request.installId(), email).toString());
    }

    @PostMapping("/portal")
    Map<String, String> portal(@RequestBody LicenceRequest request) {
        return Map.of("url", licences.openPortal(request.licenceId(), request.installId()).toString());
    }

    @PostMapping("/activate")
    Map<String, String> activate(@RequestBody ActivateRequest request) {
        return Map.of("token", licences.token(request.licenceKey(), request.installId()));
    }

    @PostMapping("/refresh")
    Map<String, String> refresh(@RequestBody LicenceRequest request) {
        return Map.of("token", licences.token(request.licenceId(), request.installId()));
    }

    record CheckoutRequest(String installId, String email) {
    }

    record LicenceRequest(String licenceId, String installId) {
    }

    record ActivateRequest(String licenceKey, String installId) {
    }
}
