package it.mssg.licensing.server;

import it.mssg.licensing.server.signing.SigningKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.nio.file.Path;
import java.util.Map;

/**
 * The vendor's licence server, started from its own jar ({@code mssg-licensing-*-licence-server.jar}). Its settings
 * come from {@code licence-server.yml} (not the app's {@code application.yml}). {@code generate-signing-key <file> <key id>}
 * writes a new private key and prints the public key line for the app.
 */
@SpringBootApplication
public class LicenceServerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "generate-signing-key".equals(args[0])) {
            if (args.length != 3) {
                System.err.println("usage: generate-signing-key <private key file> <key id>");
                System.exit(2);
            }
            System.out.println(SigningKeys.generateInto(Path.of(args[1]), args[2]));
            return;
        }
        application().run(args);
    }

    /** The application with its own settings file name. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(LicenceServerApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "licence-server"));
        return application;
    }
}
