package it.mssg.bridge.application;

import it.mssg.bridge.simulator.SimulatedNetwork;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code mssg.simulator.*}, used only with {@code mssg.whatsapp.mode=simulator}.
 *
 * @param port      where the simulator listens on 127.0.0.1; 0 picks a free port
 * @param seed      small (a handful of contacts) or large (5,000 contacts, 1,000 chats: benchmarks)
 * @param demoEvery with {@code mssg.demo=true}, how often a simulated contact writes
 */
@ConfigurationProperties("mssg.simulator")
public record SimulatorProperties(@DefaultValue("0") int port, @DefaultValue("small") SimulatedNetwork.Seed seed,
                                  @DefaultValue("30s") Duration demoEvery) {
}
