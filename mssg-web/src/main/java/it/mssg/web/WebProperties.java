package it.mssg.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings of the dashboard.
 *
 * @param allowedHosts host names accepted in the {@code Host} header besides localhost, 127.0.0.1 and [::1]
 *                     (for example a name you gave this machine in /etc/hosts)
 * @param framesPerSecond how many screenshots per second the session window shows while it is open
 */
@ConfigurationProperties("mssg.web")
public record WebProperties(@DefaultValue List<String> allowedHosts, @DefaultValue("3") int framesPerSecond) {

    public WebProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        framesPerSecond = Math.max(1, Math.min(framesPerSecond, 10));
    }
}
