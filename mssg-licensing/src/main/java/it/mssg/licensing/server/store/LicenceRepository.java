package it.mssg.licensing.server.store;

import it.mssg.licensing.domain.SubscriptionStatus;
import it.mssg.licensing.server.domain.Licence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Licences and handled Stripe event ids in the licence server's database. */
@Repository
public class LicenceRepository {

    private final JdbcClient jdbc;

    public LicenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Licence> byId(String licenceId) {
        return jdbc.sql("SELECT * FROM licence WHERE licence_id = ?").param(licenceId).query(LicenceRepository::licence).optional();
    }

    public Optional<Licence> bySubscription(String subscriptionId) {
        return jdbc.sql("SELECT * FROM licence WHERE stripe_subscription_id = ?").param(subscriptionId)
                .query(LicenceRepository::licence).optional();
    }

    /** Licences whose subscription may still change: everything not canceled. */
    public List<Licence> notCanceled() {
        return jdbc.sql("SELECT * FROM licence WHERE status <> ? ORDER BY licence_id").param(SubscriptionStatus.CANCELED.name())
                .query(LicenceRepository::licence).list();
    }

    public void save(Licence licence) {
        int updated = jdbc.sql("UPDATE licence SET stripe_customer_id = ?, stripe_subscription_id = ?, status = ?, "
                        + "period_end = ?, email = ? WHERE licence_id = ?")
                .params(licence.customerId(), licence.subscriptionId(), licence.status().name(), time(licence.periodEnd()),
                        licence.email(), licence.licenceId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO licence (licence_id, stripe_customer_id, stripe_subscription_id, status, period_end, email) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(licence.licenceId(), licence.customerId(), licence.subscriptionId(), licence.status().name(),
                            time(licence.periodEnd()), licence.email())
                    .update();
        }
    }

    public boolean eventSeen(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event WHERE event_id = ?").param(eventId).query(Long.class).single() > 0;
    }

    public void recordEvent(String eventId, String type, Instant receivedAt) {
        jdbc.sql("INSERT INTO stripe_event (event_id, event_type, received_at) VALUES (?, ?, ?)")
                .params(eventId, type, time(receivedAt)).update();
    }

    public long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM stripe_event").query(Long.class).single();
    }

    private static Licence licence(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime periodEnd = row.getObject("period_end", OffsetDateTime.class);
        return new Licence(row.getString("licence_id"), row.getString("stripe_customer_id"),
                row.getString("stripe_subscription_id"), SubscriptionStatus.valueOf(row.getString("status")),
                periodEnd == null ? null : periodEnd.toInstant(), row.getString("email"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
