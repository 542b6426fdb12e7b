package it.mssg.core.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of the messaging core ({@code mssg.core.*}).
 *
 * @param defaultRegion   region for numbers written without {@code +} until the user picks one in Settings
 *                        (stored in the database, which then wins); empty = the JVM locale's country, else IT
 * @param termsVersion    the terms version the first-run screen asks people to accept
 * @param importMaxBytes  largest CSV upload read
 * @param importMaxRows   most data rows in one CSV
 * @param importMaxColumns most columns in one CSV
 * @param importPreviewTtl how long a preview waits for its commit
 * @param importPreviewsKept most previews held at once (the oldest go first)
 * @param liveWindow      a new message sent less than this long ago counts as arriving live
 */
@ConfigurationProperties("mssg.core")
public record CoreProperties(
        @DefaultValue("") String defaultRegion,
        @DefaultValue("2026-11") String termsVersion,
        @DefaultValue("50MB") DataSize importMaxBytes,
        @DefaultValue("200000") int importMaxRows,
        @DefaultValue("200") int importMaxColumns,
        @DefaultValue("30m") Duration importPreviewTtl,
        @DefaultValue("4") int importPreviewsKept,
        @DefaultValue("2m") Duration liveWindow) {
}
