package it.mssg.web.api;

import it.mssg.core.api.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Unknown API paths answer with a problem detail too, not with the dashboard's error page. */
@RestController
@Hidden
class ApiFallback {

    @RequestMapping("/api/**")
    Object unknown(HttpServletRequest request) {
        throw new NotFoundException("endpoint", request.getMethod() + " " + request.getRequestURI());
    }
}
