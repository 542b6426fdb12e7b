/**
 * Storage of the messaging core: public {@code *Store} adapters that take and return api/domain types, written
 * with plain SQL (JdbcTemplate, no JPA): rows map straight to the records the ports return, and every change is
 * an explicit statement in the caller's transaction. Contact search goes through the in-memory
 * {@code ContactIndex}; CSV imports and sync pages are written with multi-row inserts. Schema: Flyway,
 * {@code db/migration/core}, portable H2/PostgreSQL SQL.
 */
package it.mssg.core.store;
