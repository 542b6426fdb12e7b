package it.mssg.agent.api;

import it.mssg.core.api.InvalidInputException;

/**
 * A message typed into the "test a message" box. It is treated as a live message from a known contact with no
 * history, so the answer shows what the knowledge base and the rules on the text decide.
 *
 * @param mode the mode to try, or null for AUTO
 */
public record MessageTest(String text, AgentMode mode) {
    public MessageTest {
        text = text == null ? "" : text.strip();
        mode = mode == null ? AgentMode.AUTO : mode;
        InvalidInputException.require(!text.isEmpty() && text.length() <= 4000, "text", "type a message of 1 to 4000 characters");
    }
}
