package it.mssg.agent.store;

import it.mssg.agent.api.ReasonCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "agent_needs_human")
class NeedsHumanEntity {

    @Id
    @Column(name = "chat_id")
    Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    ReasonCode reason;

    @Column(name = "flagged_at", nullable = false)
    Instant flaggedAt;
}
