package it.mssg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The mssg app. It lives in the root package so component scanning finds every module. The vendor's
 * licence server shares the licensing module but is a separate application: it is never scanned here.
 * The scan keeps Spring Boot's own filters, so test slices such as {@code @WebMvcTest} stay slices.
 */
@SpringBootApplication
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "it\\.mssg\\.licensing\\.server\\..*")})
public class MssgApplication {

    public static void main(String[] args) {
        SpringApplication.run(MssgApplication.class, args);
    }
}
