package it.mssg.core.store;

import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "message")
class MessageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "wa_message_id", nullable = false)
    String waMessageId;

    @Column(name = "chat_id", nullable = false)
    Long chatId;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false)
    MessageDirection direction;

    @Column(name = "author_wa_id")
    String authorWaId;

    @Column(name = "body")
    String body;

    @Column(name = "msg_type", nullable = false)
    String type;

    @Column(name = "sent_at", nullable = false)
    Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    MessageStatus status;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected MessageEntity() {
    }

    MessageEntity(String waMessageId, Long chatId, Instant now) {
        this.waMessageId = waMessageId;
        this.chatId = chatId;
        this.createdAt = now;
    }
}
