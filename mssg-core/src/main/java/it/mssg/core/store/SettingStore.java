package it.mssg.core.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

import static it.mssg.core.store.Times.db;

/** Key/value settings in the local database. */
@Repository
public class SettingStore {

    private final JdbcTemplate jdbc;

    SettingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String key) {
        return jdbc.queryForList("select setting_value from setting where setting_key = ?", String.class, key)
                .stream().findFirst();
    }

    /** Writes the value, replacing the key's old one. */
    public void put(String key, String value, Instant now) {
        int updated = jdbc.update("update setting set setting_value = ?, updated_at = ? where setting_key = ?",
                value, db(now), key);
        if (updated == 0) {
            jdbc.update("insert into setting (setting_key, setting_value, updated_at) values (?, ?, ?)", key, value, db(now));
        }
    }
}
