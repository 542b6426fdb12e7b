-- The licence client's one row: install id, latest licence token and what it says, optional email, clock guard.
CREATE TABLE licence_client (
    id                INTEGER       NOT NULL PRIMARY KEY,
    install_id        VARCHAR(64)   NOT NULL,
    licence_token     VARCHAR(2000),
    licence_id        VARCHAR(100),
    licence_status    VARCHAR(20),
    email             VARCHAR(320),
    last_seen_at      TIMESTAMP WITH TIME ZONE,
    last_refreshed_at TIMESTAMP WITH TIME ZONE
);
