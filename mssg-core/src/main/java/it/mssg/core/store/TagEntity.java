package it.mssg.core.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;

@Entity
@Table(name = "tag")
class TagEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "name_key", nullable = false)
    String nameKey;

    @Column(name = "color", nullable = false)
    String color;

    @Column(name = "wa_label_id")
    String waLabelId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected TagEntity() {
    }

    TagEntity(String name, String color, Instant now) {
        rename(name);
        this.color = color;
        this.createdAt = now;
    }

    void rename(String name) {
        this.name = name;
        this.nameKey = name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagEntity t && id != null && id.equals(t.id);
    }

    @Override
    public int hashCode() {
        return TagEntity.class.hashCode();
    }
}
