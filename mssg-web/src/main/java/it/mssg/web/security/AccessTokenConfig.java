package it.mssg.web.security;

import it.mssg.web.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The access token of this installation, and the dashboard address printed once the server listens. */
@Configuration(proxyBeanMethods = false)
class AccessTokenConfig {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenConfig.class);

    @Bean
    AccessToken accessToken(DataDirectory dataDirectory) {
        return AccessToken.loadOrCreate(dataDirectory.root());
    }

    @Bean
    WebSecurityConfig.AccessTokenLocation accessTokenLocation(DataDirectory dataDirectory) {
        return new WebSecurityConfig.AccessTokenLocation(dataDirectory.resolve(AccessToken.FILE_NAME));
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> printDashboardAddress(AccessToken token, Environment environment) {
        return event -> {
            String address = environment.getProperty("server.address", "127.0.0.1");
            if (address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
                address = "127.0.0.1"; // listening everywhere (e.g. in a container): this machine still answers here
            }
            if (address.contains(":") && !address.startsWith("[")) {
                address = "[" + address + "]";
            }
            String url = "http://" + address + ":" + event.getWebServer().getPort() + "/?token=" + token.value();
            log.info("mssg dashboard: {}", url);
            System.out.println();
            System.out.println("  mssg is running. Open the dashboard at:");
            System.out.println("  " + url);
            System.out.println();
        };
    }
}
