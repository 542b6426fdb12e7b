package it.mssg.bridge.sync;

import it.mssg.core.api.WaAck;
import it.mssg.core.api.WaMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PageDataTest {

    @Test
    void messageFromTheShim() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("id", "false_393331234567@c.us_3EB0AA");
        raw.put("fromMe", false);
        raw.put("chat", "393331234567@c.us");
        raw.put("from", "393331234567@c.us");
        raw.put("body", "<img src=x onerror=alert(1)>");
        raw.put("type", "chat");
        raw.put("t", 1_764_410_000);
        raw.put("ack", 2.0);
        WaMessage message = PageData.message(raw);
        assertThat(message).isEqualTo(new WaMessage("false_393331234567@c.us_3EB0AA", "393331234567@c.us", null, false,
                "<img src=x onerror=alert(1)>", "chat", Instant.ofEpochSecond(1_764_410_000), 2));
    }

    @Test
    void untrustedShapesBecomeNullOrDefaultsNotExceptions() {
        assertThat(PageData.message(Map.of("body", "no id"))).isNull();
        WaMessage odd = PageData.message(Map.of("id", "x", "to", "1@c.us", "fromMe", true, "t", "yesterday", "ack", List.of()));
        assertThat(odd.chatWaId()).as("a sent message belongs to the chat it went to").isEqualTo("1@c.us");
        assertThat(odd.sentAt()).isEqualTo(Instant.EPOCH);
        assertThat(odd.ack()).isZero();
        assertThat(PageData.contact(Map.of("name", "nobody"), List.of())).isNull();
        assertThat(PageData.chat(Map.of("id", "1@g.us", "labels", "not a list")).labelIds()).isEmpty();
        assertThat(PageData.maps("nope")).isEmpty();
    }

    @Test
    void ackEvent() {
        WaAck ack = PageData.ack(Map.of("ack", 3, "chat", "1@c.us", "ids", List.of("true_1@c.us_A", "true_1@c.us_B")));
        assertThat(ack).isEqualTo(new WaAck("1@c.us", List.of("true_1@c.us_A", "true_1@c.us_B"), 3));
        assertThat(PageData.ack(Map.of("ack", 3, "chat", "1@c.us", "ids", List.of()))).isNull();
    }
}
