package it.mssg.agent.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row of the user's agent settings (id 1). */
@Entity
@Table(name = "agent_settings")
class SettingsEntity {

    static final int ONLY_ROW = 1;

    @Id
    Integer id;

    @Column(nullable = false)
    double threshold;

    @Column(name = "ambiguity_margin", nullable = false)
    double ambiguityMargin;

    @Column(name = "default_mode", nullable = false, length = 16)
    String defaultMode;

    @Column(name = "takeover_pause_minutes", nullable = false)
    int takeoverPauseMinutes;

    @Column(name = "window_opens", nullable = false, length = 5)
    String windowOpens;

    @Column(name = "window_closes", nullable = false, length = 5)
    String windowCloses;

    @Column(name = "zone_id", nullable = false, length = 64)
    String zoneId;

    @Column(name = "daily_reply_limit", nullable = false)
    int dailyReplyLimit;

    @Column(name = "burst_gap_seconds", nullable = false)
    int burstGapSeconds;

    @Column(name = "stale_after_minutes", nullable = false)
    int staleAfterMinutes;

    /** One topic per line. */
    @Column(name = "blocked_topics", nullable = false, length = 4000)
    String blockedTopics;
}
