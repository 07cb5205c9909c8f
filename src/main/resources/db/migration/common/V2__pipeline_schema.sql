-- Business tables: the current snapshot of each dataset ('audit' for one-shot audits, 'inbox' for nightly/serve).
-- Columns after the key mirror model.RecordSchema; source_* say where the row came from.

CREATE TABLE opportunity (
    dataset            VARCHAR(32)    NOT NULL,
    opportunity_id     VARCHAR(512)   NOT NULL,
    name               VARCHAR(4000),
    customer           VARCHAR(4000),
    owner              VARCHAR(512),
    team               VARCHAR(512),
    channel            VARCHAR(512),
    stage              VARCHAR(16)    NOT NULL,
    priority           VARCHAR(16),
    intent             VARCHAR(16),
    budget_status      VARCHAR(16),
    budget_amount      DECIMAL(24, 4),
    decision_date      DATE,
    probability        DECIMAL(24, 4),
    expected_amount    DECIMAL(24, 4),
    won_amount         DECIMAL(24, 4),
    created_date       DATE           NOT NULL,
    first_contact_date DATE,
    last_activity_date DATE,
    next_followup_date DATE,
    close_date         DATE,
    source_file        VARCHAR(1024),
    source_sheet       VARCHAR(256),
    source_row         INTEGER,
    row_hash           BIGINT,
    PRIMARY KEY (dataset, opportunity_id)
);

CREATE TABLE activity (
    dataset        VARCHAR(32)   NOT NULL,
    activity_key   VARCHAR(512)  NOT NULL,
    activity_id    VARCHAR(512),
    opportunity_id VARCHAR(512),
    customer       VARCHAR(4000),
    activity_date  DATE          NOT NULL,
    type           VARCHAR(16),
    owner          VARCHAR(512),
    notes          VARCHAR(32000),
    source_file    VARCHAR(1024),
    source_sheet   VARCHAR(256),
    source_row     INTEGER,
    row_hash       BIGINT,
    PRIMARY KEY (dataset, activity_key)
);
CREATE INDEX activity_opportunity ON activity (dataset, opportunity_id);

CREATE TABLE feedback (
    dataset        VARCHAR(32)   NOT NULL,
    feedback_id    VARCHAR(512)  NOT NULL,
    customer       VARCHAR(4000),
    opportunity_id VARCHAR(512),
    owner          VARCHAR(512),
    raised_date    DATE          NOT NULL,
    responded_date DATE,
    category       VARCHAR(512),
    content        VARCHAR(32000),
    source_file    VARCHAR(1024),
    source_sheet   VARCHAR(256),
    source_row     INTEGER,
    row_hash       BIGINT,
    PRIMARY KEY (dataset, feedback_id)
);

CREATE TABLE sales_target (
    dataset       VARCHAR(32)    NOT NULL,
    target_key    VARCHAR(1100)  NOT NULL,
    owner         VARCHAR(512)   NOT NULL,
    period        VARCHAR(16)    NOT NULL,
    target_amount DECIMAL(24, 4) NOT NULL,
    source_file   VARCHAR(1024),
    source_sheet  VARCHAR(256),
    source_row    INTEGER,
    row_hash      BIGINT,
    PRIMARY KEY (dataset, target_key)
);

CREATE TABLE rep (
    dataset       VARCHAR(32)   NOT NULL,
    owner         VARCHAR(512)  NOT NULL,
    team          VARCHAR(512)  NOT NULL,
    manager       VARCHAR(512),
    manager_email VARCHAR(512),
    email         VARCHAR(512),
    source_file   VARCHAR(1024),
    source_sheet  VARCHAR(256),
    source_row    INTEGER,
    row_hash      BIGINT,
    PRIMARY KEY (dataset, owner)
);

-- Rows of one file being ingested, with the order they were read in (seq). They are merged into the
-- tables above in the same transaction (last row of a key wins), then deleted.
CREATE TABLE opportunity_stage AS SELECT * FROM opportunity WITH NO DATA;
ALTER TABLE opportunity_stage ADD COLUMN ingest_id VARCHAR(64);
ALTER TABLE opportunity_stage ADD COLUMN seq INTEGER;
CREATE INDEX opportunity_stage_key ON opportunity_stage (ingest_id, opportunity_id, seq);

CREATE TABLE activity_stage AS SELECT * FROM activity WITH NO DATA;
ALTER TABLE activity_stage ADD COLUMN ingest_id VARCHAR(64);
ALTER TABLE activity_stage ADD COLUMN seq INTEGER;
CREATE INDEX activity_stage_key ON activity_stage (ingest_id, activity_key, seq);

CREATE TABLE feedback_stage AS SELECT * FROM feedback WITH NO DATA;
ALTER TABLE feedback_stage ADD COLUMN ingest_id VARCHAR(64);
ALTER TABLE feedback_stage ADD COLUMN seq INTEGER;
CREATE INDEX feedback_stage_key ON feedback_stage (ingest_id, feedback_id, seq);

CREATE TABLE sales_target_stage AS SELECT * FROM sales_target WITH NO DATA;
ALTER TABLE sales_target_stage ADD COLUMN ingest_id VARCHAR(64);
ALTER TABLE sales_target_stage ADD COLUMN seq INTEGER;
CREATE INDEX sales_target_stage_key ON sales_target_stage (ingest_id, target_key, seq);

CREATE TABLE rep_stage AS SELECT * FROM rep WITH NO DATA;
ALTER TABLE rep_stage ADD COLUMN ingest_id VARCHAR(64);
ALTER TABLE rep_stage ADD COLUMN seq INTEGER;
CREATE INDEX rep_stage_key ON rep_stage (ingest_id, owner, seq);

-- Conflicting duplicate opportunity rows inside one file (DQ-DUPLICATE).
CREATE TABLE duplicate_key (
    dataset        VARCHAR(32)   NOT NULL,
    opportunity_id VARCHAR(512)  NOT NULL,
    source_file    VARCHAR(1024) NOT NULL,
    row_count      INTEGER       NOT NULL,
    PRIMARY KEY (dataset, opportunity_id)
);

CREATE TABLE audit_run (
    run_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    command     VARCHAR(32)  NOT NULL,
    dataset     VARCHAR(32)  NOT NULL,
    as_of       DATE         NOT NULL,
    started_at  TIMESTAMP    NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR(16)  NOT NULL
);

-- One row per sheet read (or per file that failed or was skipped) in a run.
CREATE TABLE ingest_input (
    run_id        VARCHAR(64)   NOT NULL,
    seq           INTEGER       NOT NULL,
    file_seq      INTEGER       NOT NULL,
    file_name     VARCHAR(1024) NOT NULL,
    sha256        VARCHAR(64),
    sheet         VARCHAR(256),
    kind          VARCHAR(16),
    rows_read     INTEGER,
    rows_loaded   INTEGER,
    rows_rejected INTEGER,
    status        VARCHAR(16)   NOT NULL,
    error         VARCHAR(4000),
    headers       VARCHAR(8000),
    missing       VARCHAR(1000),
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE data_issue (
    run_id      VARCHAR(64)   NOT NULL,
    file_seq    INTEGER       NOT NULL,
    seq         BIGINT        NOT NULL,
    file_name   VARCHAR(1024) NOT NULL,
    sheet       VARCHAR(256),
    row_no      INTEGER,
    column_name VARCHAR(1024),
    raw_value   VARCHAR(4000),
    reason      VARCHAR(4000) NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    PRIMARY KEY (run_id, file_seq, seq)
);
