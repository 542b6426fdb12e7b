package it.mssg.licensing.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The single row of {@code licence_client}. */
@Entity
@Table(name = "licence_client")
class ClientLicenceEntity {

    static final int THE_ROW = 1;

    @Id
    private Integer id;
    @Column(name = "install_id", nullable = false, length = 64)
    private String installId;
    @Column(name = "licence_token", length = 2000)
    private String token;
    @Column(name = "licence_id", length = 100)
    private String licenceId;
    @Column(name = "licence_status", length = 20)
    private String status;
    @Column(name = "email", length = 320)
    private String email;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;
    @Column(name = "last_refreshed_at")
    private Instant lastRefreshedAt;

    protected ClientLicenceEntity() {
    }

    ClientLicenceEntity(String installId) {
        this.id = THE_ROW;
        this.installId = installId;
    }

    String installId() { return installId; }
    String token() { return token; }
    String licenceId() { return licenceId; }
    String status() { return status; }
    String email() { return email; }
    Instant lastSeenAt() { return lastSeenAt; }
    Instant lastRefreshedAt() { return lastRefreshedAt; }

    void update(String token, String licenceId, String status, String email, Instant lastSeenAt, Instant lastRefreshedAt) {
        this.token = token;
        this.licenceId = licenceId;
        this.status = status;
        this.email = email;
        this.lastSeenAt = lastSeenAt;
        this.lastRefreshedAt = lastRefreshedAt;
    }
}
