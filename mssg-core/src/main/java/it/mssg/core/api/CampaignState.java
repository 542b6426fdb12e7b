package it.mssg.core.api;

/** DRAFT → RUNNING ⇄ PAUSED → FINISHED (nothing left to send) or CANCELLED. */
public enum CampaignState {
    DRAFT, RUNNING, PAUSED, CANCELLED, FINISHED
}
