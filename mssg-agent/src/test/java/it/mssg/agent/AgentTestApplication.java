package it.mssg.agent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The agent has no application of its own: this boots it with auto-configuration, for integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("it.mssg.agent")
public class AgentTestApplication {
}
