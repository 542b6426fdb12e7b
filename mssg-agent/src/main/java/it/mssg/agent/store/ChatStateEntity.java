package it.mssg.agent.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "agent_chat_state")
class ChatStateEntity {

    @Id
    @Column(name = "chat_id")
    Long chatId;

    @Column(name = "last_inbound_at")
    Instant lastInboundAt;

    @Column(name = "burst_started_at")
    Instant burstStartedAt;

    @Column(name = "answered_burst_at")
    Instant answeredBurstAt;

    @Column(name = "last_agent_reply_at")
    Instant lastAgentReplyAt;

    @Column(name = "last_manual_reply_at")
    Instant lastManualReplyAt;

    @Column(name = "pending_echoes", nullable = false)
    int pendingEchoes;
}
