package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.SettingsApi;
import it.mssg.core.api.SettingsView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsIT extends CoreIntegrationTest {

    @Autowired SettingsApi settings;
    @Autowired ContactCommands contacts;
    @Autowired CoreProperties properties;

    @Test
    void defaultRegionComesFromConfigurationUntilTheUserPicksOne() {
        SettingsView s = settings.get();
        assertThat(s.defaultRegion()).isEqualTo("IT");
        assertThat(s.defaultRegionInfo().name()).isEqualTo("Italy");
        assertThat(s.defaultRegionInfo().callingCode()).isEqualTo(39);
        assertThat(contacts.create(new NewContact("333 1234567", null, null, null, null)).phoneE164()).isEqualTo("+393331234567");

        assertThat(settings.setDefaultRegion(" nl ").defaultRegion()).isEqualTo("NL");
        assertThat(jdbc.queryForObject("select setting_value from setting where setting_key = 'core.default-region'", String.class))
                .isEqualTo("NL");
        assertThat(contacts.create(new NewContact("06 12345678", null, null, null, null)).phoneE164()).isEqualTo("+31612345678");
        assertThatThrownBy(() -> settings.setDefaultRegion("XX")).isInstanceOf(InvalidInputException.class);
        assertThat(settings.setDefaultRegion("de").defaultRegion()).isEqualTo("DE");
        assertThat(jdbc.queryForList("select setting_value from setting where setting_key = 'core.default-region'", String.class))
                .as("a setting set again takes the new value").containsExactly("DE");
        assertThat(settings.regions()).hasSizeGreaterThan(200);
    }

    @Test
    void firstRunAcknowledgementIsStoredWithTimeAndVersion() {
        assertThat(settings.acknowledged()).isFalse();
        assertThat(settings.get().acknowledgement()).isNull();
        String version = settings.get().currentTermsVersion();
        assertThat(version).isEqualTo(properties.termsVersion());

        assertThatThrownBy(() -> new Acknowledgement(true, true, false, version)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("18");
        assertThatThrownBy(() -> settings.acknowledge(new Acknowledgement(true, true, true, "old")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("(version " + version + ")");
        assertThatThrownBy(() -> new Acknowledgement(true, true, true, "v".repeat(41)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than 40");
        assertThatThrownBy(() -> new Acknowledgement(true, true, true, " ")).hasMessage("terms version missing");
        var ack = settings.acknowledge(new Acknowledgement(true, true, true, version));
        assertThat(ack.termsVersion()).isEqualTo(version);
        assertThat(settings.acknowledged()).isTrue();
        assertThat(settings.get().acknowledgement()).isEqualTo(ack);
        assertThat(settings.get().acknowledged()).isTrue();
    }

    @Test
    void saysWhereTheDataLives() {
        var data = settings.get().data();
        assertThat(data.dataDir()).isEqualTo(DATA_DIR.toAbsolutePath().toString());
        if (it.mssg.core.TestDatabase.postgres()) {
            assertThat(data.databaseUrl()).startsWith("jdbc:postgresql:").doesNotContain("password");
            assertThat(data.databaseName()).isEqualTo("PostgreSQL");
            return;
        }
        assertThat(data.databaseUrl()).startsWith("jdbc:h2:file:").contains(DATA_DIR.toString());
        assertThat(data.databaseName()).isEqualTo("H2");
    }
}
