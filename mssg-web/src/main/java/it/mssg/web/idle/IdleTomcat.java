package it.mssg.web.idle;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Runs the dashboard's connector on {@link QuietNioProtocol}; Tomcat's own housekeeping interval is in application.yml. */
@Component
class IdleTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(QuietNioProtocol.class.getName());
    }
}
