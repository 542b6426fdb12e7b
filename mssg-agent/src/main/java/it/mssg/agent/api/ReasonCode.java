package it.mssg.agent.api;

/** Why a decision came out as it did. Never carries content: these codes are all the health counters see. */
public enum ReasonCode {
    /** An approved answer matched confidently. */
    MATCHED,
    /** Messages we wrote ourselves are not answered. */
    NOT_INBOUND,
    /** Media or empty messages carry no text to match. */
    NO_TEXT,
    GROUP_CHAT,
    UNKNOWN_CONTACT,
    OPTED_OUT,
    MODE_OFF,
    /** Someone replied by hand in this chat recently. */
    HUMAN_TAKEOVER,
    OUTSIDE_RESPONSE_WINDOW,
    DAILY_REPLY_LIMIT,
    /** The agent already answered in this burst of messages. */
    BURST_DEBOUNCE,
    /** The message is too old: a backlog after a reconnect or a history sync. */
    STALE_BACKLOG,
    /** The message touches a topic that only a human should answer. */
    BLOCKED_TOPIC,
    /** The knowledge base has no enabled entry. */
    NO_KNOWLEDGE,
    /** The embedding model could not be loaded or did not answer (e.g. a configured endpoint is down). */
    MATCHING_FAILED,
    BELOW_THRESHOLD,
    /** The two best entries scored too close to tell apart. */
    AMBIGUOUS,
    /**
     * The chosen answer cannot be filled in completely: a variable without a value and without a fallback, or a
     * template with a mistake (saved before templates were checked). Nothing half-filled goes out: a human answers.
     */
    ANSWER_UNUSABLE,
    /** AUTO decided to send but no outbox is connected to the agent. */
    NO_SENDER,
    /** The outbox refused the answer (e.g. the send governor's rules). */
    SEND_REFUSED,
    /** AUTO mode needs a licence: without one the answer was offered as a suggestion instead of being sent. */
    AUTO_NOT_LICENSED
}
