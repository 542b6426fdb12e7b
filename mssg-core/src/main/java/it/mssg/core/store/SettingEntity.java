package it.mssg.core.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "setting")
class SettingEntity {

    @Id
    @Column(name = "setting_key")
    String key;

    @Column(name = "setting_value", nullable = false)
    String value;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected SettingEntity() {
    }

    SettingEntity(String key) {
        this.key = key;
    }
}
