package it.mssg.agent.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "agent_reply")
class ReplyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "chat_id", nullable = false)
    long chatId;

    @Column(name = "contact_id", nullable = false)
    long contactId;

    @Column(name = "entry_id", nullable = false)
    long entryId;

    @Column(name = "replied_at", nullable = false)
    Instant repliedAt;
}
