package it.mssg.web.data;

import it.mssg.core.api.DataOwnership;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Both filters run right after the Host allow-list and before Spring Security: {@code /healthz} must answer
 * without the access token (the container's health check has none), and after "delete everything" no page
 * may reach the closed database. Neither answer reveals anything of the user's data.
 */
@Configuration(proxyBeanMethods = false)
class DataWebConfig {

    @Bean
    FilterRegistrationBean<HealthzFilter> healthzFilter(DataOwnership ownership) {
        FilterRegistrationBean<HealthzFilter> r = new FilterRegistrationBean<>(new HealthzFilter(ownership));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        r.setDispatcherTypes(DispatcherType.REQUEST);
        r.addUrlPatterns(HealthzFilter.PATH);
        return r;
    }

    @Bean
    FilterRegistrationBean<EverythingDeletedFilter> everythingDeletedFilter(DataOwnership ownership) {
        FilterRegistrationBean<EverythingDeletedFilter> r = new FilterRegistrationBean<>(new EverythingDeletedFilter(ownership));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        r.setDispatcherTypes(DispatcherType.REQUEST);
        return r;
    }
}
