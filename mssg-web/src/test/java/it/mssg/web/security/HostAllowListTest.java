package it.mssg.web.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostAllowListTest {

    private final HostAllowList allowList = new HostAllowList(List.of("Mssg.Home", " "));

    @ParameterizedTest(name = "[{index}] Host ''{0}'' → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "localhost             | true",
            "localhost:8080        | true",
            "LocalHost:80          | true",
            "127.0.0.1             | true",
            "127.0.0.1:65535       | true",
            "[::1]                 | true",
            "[::1]:8080            | true",
            "mssg.home:8080        | true",
            "MSSG.HOME             | true",
            "evil.example          | false",
            "localhost.evil.example| false",
            "evil.example:8080     | false",
            "127.0.0.2             | false",
            "[::2]:8080            | false",
            "::1                   | false",
            "localhost:80:80       | false",
            "localhost:abc         | false",
            "localhost:123456      | false",
            "[::1]x                | false",
            "[::1                  | false",
            "''                    | false",
            "NULL                  | false",
    })
    void decides(String host, boolean allowed) {
        assertThat(allowList.allows(host)).isEqualTo(allowed);
    }
}
