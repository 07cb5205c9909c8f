-- Every finding of every run, so reports can show history (Trend) and auditors can query it.
CREATE TABLE finding (
    run_id      VARCHAR(64)    NOT NULL,
    seq         BIGINT         NOT NULL,
    rule_id     VARCHAR(32)    NOT NULL,
    severity    VARCHAR(8)     NOT NULL,
    entity_type VARCHAR(16)    NOT NULL,
    entity_id   VARCHAR(1100)  NOT NULL,
    team        VARCHAR(512),
    owner       VARCHAR(512),
    metric      DECIMAL(24, 4),
    threshold   VARCHAR(64),
    message     VARCHAR(4000)  NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX finding_run_rule ON finding (run_id, rule_id, entity_id);
