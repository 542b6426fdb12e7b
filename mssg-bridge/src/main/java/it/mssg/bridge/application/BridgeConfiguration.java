package it.mssg.bridge.application;

import it.mssg.bridge.simulator.SimulatedNetwork;
import it.mssg.bridge.simulator.SimulatorServer;
import it.mssg.bridge.sync.InboundForwarder;
import it.mssg.core.api.InboundEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the WhatsApp session, its gateway and, only in simulator mode, the simulator. The mode is decided when the
 * beans are made, not by a condition on their definitions: the packaged app's bean graph is fixed at build time
 * (Spring AOT), so a definition present in one mode and absent in the other would follow the build's mode. Outside
 * simulator mode the simulator's beans are null, which {@link ObjectProvider} reports as absent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WhatsAppProperties.class, BrowserProperties.class, SimulatorProperties.class})
public class BridgeConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedNetwork simulatedNetwork(WhatsAppProperties whatsapp, SimulatorProperties simulator,
                                      @Value("${mssg.data-dir:${user.home}/.mssg}") Path dataDir, @Value("${mssg.demo:false}") boolean demo) {
        if (whatsapp.mode() != WhatsAppProperties.Mode.SIMULATOR) {
            return null;
        }
        SimulatedNetwork network = new SimulatedNetwork(simulator.seed(), dataDir.resolve("simulator"), Clock.systemUTC());
        if (demo) {
            network.startDemo(simulator.demoEvery());
        }
        return network;
    }

    @Bean(destroyMethod = "close")
    SimulatorServer simulatorServer(ObjectProvider<SimulatedNetwork> simulatedNetwork, SimulatorProperties simulator) {
        SimulatedNetwork network = simulatedNetwork.getIfAvailable();
        return network == null ? null : new SimulatorServer(network, simulator.port());
    }

    @Bean(destroyMethod = "close")
    WhatsAppSessionService whatsAppSession(WhatsAppProperties whatsapp, BrowserProperties browser,
                                           @Value("${mssg.data-dir:${user.home}/.mssg}") Path dataDir,
                                           ObjectProvider<SimulatorServer> simulatorServer,
                                           ObjectProvider<SimulatedNetwork> simulatedNetwork,
                                           InboundEvents inboundEvents, ApplicationEventPublisher events) {
        SimulatorServer server = simulatorServer.getIfAvailable();
        SessionRuntime runtime = SessionRuntime.from(whatsapp, browser, dataDir,
                server == null ? null : server.pageUrl(), server == null ? null : server.controlUrl());
        WhatsAppSessionService session = new WhatsAppSessionService(runtime, new InboundForwarder(inboundEvents), events, Clock.systemUTC());
        simulatedNetwork.ifAvailable(network -> network.onCrashFault(session::crashRendererForFault));
        return session;
    }

    @Bean
    PageGateway whatsAppGateway(WhatsAppSessionService session) {
        return new PageGateway(session);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> whatsAppAutostart(WhatsAppProperties whatsapp, WhatsAppSessionService session) {
        return ready -> {
            if (whatsapp.autostart()) {
                session.start();
            }
        };
    }
}
