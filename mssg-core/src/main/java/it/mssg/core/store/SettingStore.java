package it.mssg.core.store;

import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** Key/value settings in the local database. */
@Repository
public class SettingStore {

    private final SettingRepository settings;

    SettingStore(SettingRepository settings) {
        this.settings = settings;
    }

    public Optional<String> get(String key) {
        return settings.findById(key).map(s -> s.value);
    }

    public void put(String key, String value, Instant now) {
        SettingEntity s = settings.findById(key).orElseGet(() -> new SettingEntity(key));
        s.value = value;
        s.updatedAt = now;
        settings.saveAndFlush(s);
    }
}
