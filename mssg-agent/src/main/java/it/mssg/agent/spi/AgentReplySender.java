package it.mssg.agent.spi;

/**
 * The way an automatic answer leaves the agent: into core's outbox, and from there only through the send
 * governor like every other message. Implemented outside the agent (by the outbox); without an implementation
 * AUTO decisions are counted as SUPPRESSED / NO_SENDER and nothing is sent.
 */
public interface AgentReplySender {

    /**
     * Queues {@code reply} in the outbox. Must return quickly (the send itself happens later) and must not
     * throw for rule violations: the governor's refusal is {@link Result#REFUSED}.
     */
    Result queue(AutoReply reply);

    /**
     * @param chatId           core's chat id
     * @param contactId        core's contact id of the recipient
     * @param inReplyTo        core's id of the inbound message being answered
     * @param knowledgeEntryId the approved answer used (for the outbox's record; the text is already rendered)
     * @param text             the rendered approved answer
     */
    record AutoReply(long chatId, long contactId, long inReplyTo, long knowledgeEntryId, String text) {
        @Override
        public String toString() {
            return "AutoReply[chatId=" + chatId + ", contactId=" + contactId + ", inReplyTo=" + inReplyTo
                    + ", knowledgeEntryId=" + knowledgeEntryId + ", text=<" + text.length() + " chars>]";
        }
    }

    enum Result { QUEUED, REFUSED }
}
