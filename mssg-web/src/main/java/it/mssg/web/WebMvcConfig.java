package it.mssg.web;

import it.mssg.core.api.SettingsApi;
import it.mssg.web.firstrun.FirstRunInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import java.util.List;

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

    /**
     * Static files only under their own folders, instead of Boot's {@code /**} (spring.web.resources.add-mappings is
     * off). With {@code /**}, every link a page renders ({@code @{/chats}}, a row's {@code @{/contacts/42}}) was
     * looked up as a possible static file on the class path of the whole packaged jar, uncached because it is never
     * found: about 70 % of the CPU of a contacts or chats screen (JFR, docs/BENCHMARKS.md "Dashboard under load").
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : List.of("css", "js", "img")) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
