package it.mssg.agent.api;

import java.util.List;

/** Chats the agent stepped back from because only a human should answer them. */
public interface NeedsHumanList {

    /** Most recent first. */
    List<NeedsHumanView> list();

    /** Takes a chat off the list (doing nothing when it is not on it). */
    void clear(long chatId);
}
