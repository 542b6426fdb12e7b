-- The licence server's data: one row per licence with only its Stripe references, status and period end,
-- and the ids of the Stripe events already handled (so a replayed event is acknowledged and ignored).
CREATE TABLE licence (
    licence_id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    stripe_customer_id     VARCHAR(255) NOT NULL,
    stripe_subscription_id VARCHAR(255) NOT NULL UNIQUE,
    status                 VARCHAR(20)  NOT NULL,
    period_end             TIMESTAMP WITH TIME ZONE,
    email                  VARCHAR(320)
);

CREATE TABLE stripe_event (
    event_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    event_type  VARCHAR(100) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
