package it.mssg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The mssg app. It lives in the root package so component scanning finds every module. */
@SpringBootApplication
public class MssgApplication {

    public static void main(String[] args) {
        SpringApplication.run(MssgApplication.class, args);
    }
}
