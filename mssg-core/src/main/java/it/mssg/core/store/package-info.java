/**
 * Storage of the messaging core: package-private JPA entities and Spring Data repositories, behind public
 * {@code *Store} adapters that take and return api/domain types. Lists and bulk work use plain SQL
 * (JdbcTemplate): contact search goes through the in-memory {@code ContactIndex}, CSV imports are written
 * with JDBC batches in one transaction. Schema: Flyway, {@code db/migration/core}, portable H2/PostgreSQL SQL.
 */
package it.mssg.core.store;
