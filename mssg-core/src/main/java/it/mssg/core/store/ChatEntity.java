package it.mssg.core.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "chat")
class ChatEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "wa_id", nullable = false)
    String waId;

    @Column(name = "is_group", nullable = false)
    boolean group;

    @Column(name = "name")
    String name;

    @Column(name = "unread_count", nullable = false)
    int unreadCount;

    @Column(name = "last_activity")
    Instant lastActivity;

    @Column(name = "contact_id")
    Long contactId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ChatEntity() {
    }

    ChatEntity(String waId, boolean group, Instant now) {
        this.waId = waId;
        this.group = group;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
