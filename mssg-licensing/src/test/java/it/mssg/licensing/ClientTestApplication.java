package it.mssg.licensing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** The app side of licensing on its own, scanned the way MssgApplication scans it: without the licence server. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "it\\.mssg\\.licensing\\.server\\..*"))
public class ClientTestApplication {
}
