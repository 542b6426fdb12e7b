package it.mssg.web.agent;

import it.mssg.agent.api.AgentDecided;
import it.mssg.web.layout.LiveUpdates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells open pages that the agent decided, so suggestions, "needs a human" and the health chart refresh. */
@Component
class AgentLiveUpdates {

    private final LiveUpdates live;

    AgentLiveUpdates(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(AgentDecided event) {
        live.send("agent-decided", String.valueOf(event.chatId()));
    }
}
