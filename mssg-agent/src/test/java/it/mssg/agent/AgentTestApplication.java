package it.mssg.agent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The agent has no application of its own: this boots it with auto-configuration, for integration tests. There is
 * no core outbox here, so the outbox adapter is left out and {@link RecordingSender} stands in for it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(value = "it.mssg.agent",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "it\\.mssg\\.agent\\.outbox\\..*"))
public class AgentTestApplication {
}
