package it.mssg.core.data;

import it.mssg.core.CoreTestApplication;
import it.mssg.core.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Core started on a data folder of its own, as the app does, for tests that close or replace the database. */
final class DataContexts {

    private DataContexts() {
    }

    static ConfigurableApplicationContext start(Path dataDir, Map<String, String> database, String... args) {
        Map<String, Object> p = new LinkedHashMap<>(database);
        p.put("mssg.data-dir", dataDir.toString());
        p.put("spring.flyway.locations", "classpath:db/migration/core");
        p.put("mssg.core.default-region", "IT");
        p.put("mssg.outbox.send-loop", "false");
        p.put("mssg.data.backup-every", "0s");
        p.put("spring.main.banner-mode", "off");
        List<String> all = new ArrayList<>(List.of(args));
        return new SpringApplicationBuilder(CoreTestApplication.class).web(WebApplicationType.NONE)
                .properties(p).run(all.toArray(String[]::new));
    }

    static ConfigurableApplicationContext start(Path dataDir, String... args) {
        return start(dataDir, TestDatabase.fresh(dataDir), args);
    }
}
