package it.mssg.web.api;

import it.mssg.core.api.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;

/**
 * Unknown API paths answer with a problem detail too, not with the dashboard's error page. A path the API has, asked
 * with a method it does not take (GET on a POST), is a 405 naming the methods it takes, not a 404: this catch-all
 * takes every method, so it would otherwise hide that the address is right.
 */
@RestController
@Hidden
class ApiFallback {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ApiFallback(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    Object unknown(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<String> allowed = methodsFor(request);
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw new NotFoundException("endpoint", request.getMethod() + " " + request.getRequestURI());
    }

    /** The methods the other API handlers take at this request's path. */
    private Set<String> methodsFor(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        RequestMappingHandlerMapping handlers = mappings.getIfAvailable();
        if (handlers == null) return allowed;
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        handlers.getHandlerMethods().forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod method) -> {
            PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
            if (method.getBeanType() == ApiFallback.class || patterns == null) return;
            if (patterns.getPatterns().stream().anyMatch(p -> p.matches(path))) {
                info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
            }
        });
        return allowed;
    }
}
