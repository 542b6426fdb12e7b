/**
 * What the app does while nobody uses it, kept small: an idle app should cost well under 1 % of a core and give
 * its spare heap back. {@link it.mssg.web.idle.IdleHeapCompaction} compacts the heap once after each busy spell
 * (not every minute, as the JVM's periodic collection would); {@link it.mssg.web.idle.QuietNioProtocol} makes Tomcat's
 * housekeeping wake less often; {@link it.mssg.web.idle.QuietH2Writer} lets H2's background writer sleep while nobody
 * uses the database. See docs/BENCHMARKS.md, "Idle CPU".
 */
package it.mssg.web.idle;
