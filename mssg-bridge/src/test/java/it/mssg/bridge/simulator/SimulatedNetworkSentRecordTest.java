package it.mssg.bridge.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The record of sent texts survives the app (and so the simulator) being killed and started again. */
class SimulatedNetworkSentRecordTest {

    @TempDir
    Path dir;

    @Test
    void sentTextsAndTheirChatMessagesComeBackAfterARestart() throws Exception {
        String first;
        String second;
        try (SimulatedNetwork network = new SimulatedNetwork(SimulatedNetwork.Seed.SMALL, dir, Clock.systemUTC())) {
            first = (String) network.send("393339000001@c.us", "Ciao 👋\tcon tab\ne a capo").get("id");
            second = (String) network.send("393339000002@c.us", "Second").get("id");
        }
        // a line the crash cut short: that send never returned to the page, so it does not count
        Files.writeString(dir.resolve("sent-messages"), "true_393339000003@c.us_3EB0", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (SimulatedNetwork again = new SimulatedNetwork(SimulatedNetwork.Seed.SMALL, dir, Clock.systemUTC())) {
            List<Map<String, Object>> sent = again.sent();
            assertThat(sent).extracting(m -> m.get("id")).containsExactly(first, second);
            assertThat(sent.get(0).get("body")).isEqualTo("Ciao 👋\tcon tab\ne a capo");
            List<Map<String, Object>> chat = again.messages("393339000001@c.us", 10);
            assertThat(chat).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> key = (Map<String, Object>) chat.get(0).get("id");
            assertThat(key.get("_serialized")).isEqualTo(first);
            assertThat(key.get("fromMe")).isEqualTo(true);
            assertThat(chat.get(0).get("body")).isEqualTo("Ciao 👋\tcon tab\ne a capo");

            String third = (String) again.send("393339000001@c.us", "Third").get("id");
            assertThat(third).isNotIn(first, second);
            assertThat(again.sent()).hasSize(3);
        }
    }
}
