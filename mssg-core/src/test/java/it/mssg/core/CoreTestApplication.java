package it.mssg.core;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** Core has no application class of its own; integration tests boot this one. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("it.mssg.core")
public class CoreTestApplication {
}
