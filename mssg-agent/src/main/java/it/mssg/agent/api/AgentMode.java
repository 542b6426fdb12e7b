package it.mssg.agent.api;

/** How the agent treats a chat: not at all, by suggesting replies, or by sending approved answers itself. */
public enum AgentMode {
    OFF, SUGGEST, AUTO;

    /** The more cautious of two modes: OFF before SUGGEST before AUTO. */
    public static AgentMode mostCautious(AgentMode a, AgentMode b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
