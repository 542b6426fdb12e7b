package it.mssg.bridge.application;

import it.mssg.bridge.simulator.SimulatedNetwork;
import it.mssg.bridge.simulator.SimulatorServer;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.SessionState;
import it.mssg.core.spi.WhatsAppGateway;
import it.mssg.core.spi.WhatsAppSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BridgeConfigurationTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(BridgeConfiguration.class)
                .withBean(InboundEvents.class, RecordingInbound::new)
                .withPropertyValues("mssg.data-dir=" + dataDir, "mssg.whatsapp.autostart=false");
    }

    @Test
    void liveModeWiresTheSessionAndGatewayAndNoSimulator() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(WhatsAppSession.class).hasSingleBean(WhatsAppGateway.class);
            assertThat(context.getBeanProvider(SimulatorServer.class).getIfAvailable()).isNull();
            assertThat(context.getBeanProvider(SimulatedNetwork.class).getIfAvailable()).isNull();
            WhatsAppSession session = context.getBean(WhatsAppSession.class);
            assertThat(session.status().state()).isEqualTo(SessionState.STOPPED);
            assertThat(session.simulatorControlUrl()).isEmpty();
            assertThat(context.getBean(WhatsAppProperties.class).effectiveWaJs()).isEqualTo(WhatsAppProperties.WaJs.BUNDLED);
        });
    }

    @Test
    void simulatorModeStartsTheSimulatorOnTheGivenPort() {
        runner().withPropertyValues("mssg.whatsapp.mode=simulator", "mssg.simulator.port=0", "mssg.whatsapp.typing-min=100ms", "mssg.whatsapp.typing-max=300ms")
                .run(context -> {
                    SimulatorServer server = context.getBean(SimulatorServer.class);
                    WhatsAppSession session = context.getBean(WhatsAppSession.class);
                    assertThat(session.simulatorControlUrl()).contains("http://127.0.0.1:" + server.port() + "/control");
                    WhatsAppProperties properties = context.getBean(WhatsAppProperties.class);
                    assertThat(properties.effectiveWaJs()).isEqualTo(WhatsAppProperties.WaJs.PAGE);
                    assertThat(properties.historyMessages()).isEqualTo(20);
                });
    }

    @Test
    void theWaJsBundleIsPackedIntoTheJar() {
        assertThat(it.mssg.bridge.page.PageScripts.waJsBundle()).hasSizeGreaterThan(100_000).contains("WPP");
        assertThat(it.mssg.bridge.page.PageScripts.shim()).contains("disableGoogleAnalytics: true", "linkPreviewApiServers: null");
    }
}
