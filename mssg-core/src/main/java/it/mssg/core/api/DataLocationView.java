package it.mssg.core.api;

/**
 * Where the user's data lives.
 *
 * @param dataDir       the data directory ({@code mssg.data-dir}), absolute, or null when not set
 * @param databaseUrl   the JDBC URL without credentials
 * @param databaseName  e.g. "H2" or "PostgreSQL"
 */
public record DataLocationView(String dataDir, String databaseUrl, String databaseName) {
}
