package it.mssg.web;

import it.mssg.core.api.SettingsApi;
import it.mssg.web.firstrun.FirstRunInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Dashboard-wide MVC settings. */
@Configuration(proxyBeanMethods = false)
class WebMvcConfig implements WebMvcConfigurer {

    private final SettingsApi settings;

    WebMvcConfig(SettingsApi settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FirstRunInterceptor(settings))
                .addPathPatterns(FirstRunInterceptor.PATHS)
                .excludePathPatterns(FirstRunInterceptor.EXCLUDED);
    }
}
