/**
 * Ordered facts-store migrations (ClickHouse SQL, the same for chDB and a server). `{db}` is
 * replaced by the facts database name, which is validated against an allowlist pattern.
 * Append only; never edit a released one.
 */
export const factsMigrations: ReadonlyArray<{ name: string; statements: string[] }> = [
  {
    name: "0001_events",
    statements: [
      // One row per operational event. Replaying a record (same workspace and message id) collapses
      // into one row on merge; queries read with FINAL or argMax so a replay never double-counts.
      `CREATE TABLE IF NOT EXISTS {db}.events (
        workspace_id UUID,
        message_id String,
        type LowCardinality(String),
        event String,
        customer_id String,
        user_id String,
        anonymous_id String,
        timestamp DateTime64(3, 'UTC'),
        received_at DateTime64(3, 'UTC'),
        properties String,
        context String,
        version UInt64
      ) ENGINE = ReplacingMergeTree(version)
      PARTITION BY toYYYYMM(timestamp)
      ORDER BY (workspace_id, message_id)`,
    ],
  },
  {
    name: "0002_feedback",
    statements: [
      // One row per feedback record (survey response or unsolicited), flattened for analytics: links
      // resolved (stage and persona from the journey), ratings as parallel arrays for ARRAY JOIN.
      // The relay writes the record's SoR version; replays and re-relays collapse to the newest.
      `CREATE TABLE IF NOT EXISTS {db}.feedback (
        workspace_id UUID,
        feedback_id UUID,
        kind LowCardinality(String),
        channel LowCardinality(String),
        survey_id String,
        touchpoint_id String,
        journey_id String,
        stage_id String,
        step_id String,
        persona_id String,
        customer_id String,
        customer_traits String,
        language LowCardinality(String),
        received_at DateTime64(3, 'UTC'),
        finished UInt8,
        flagged UInt8,
        deleted UInt8,
        score_band LowCardinality(String),
        has_text UInt8,
        text String,
        rating_metrics Array(LowCardinality(String)),
        rating_questions Array(String),
        rating_values Array(Float64),
        rating_mins Array(Int16),
        rating_maxs Array(Int16),
        answers Map(String, String),
        version UInt64
      ) ENGINE = ReplacingMergeTree(version)
      PARTITION BY toYYYYMM(received_at)
      ORDER BY (workspace_id, feedback_id)`,
    ],
  },
  {
    name: "0003_feedback_text",
    statements: [
      // One row per enriched feedback record: sentiment, aspects (parallel arrays for ARRAY JOIN,
      // polarity -1/0/1) and the discovered topic. The filter columns are copied from the record so
      // trend reports scan this table alone. version = the enrichment's revision in the system of
      // record; a deleted record is written once more with deleted = 1.
      `CREATE TABLE IF NOT EXISTS {db}.feedback_text (
        workspace_id UUID,
        feedback_id UUID,
        received_at DateTime64(3, 'UTC'),
        kind LowCardinality(String),
        channel LowCardinality(String),
        survey_id String,
        touchpoint_id String,
        journey_id String,
        language LowCardinality(String),
        engine LowCardinality(String),
        sentiment LowCardinality(String),
        sentiment_score Float32,
        aspect_keys Array(LowCardinality(String)),
        aspect_polarities Array(Int8),
        aspect_scores Array(Float32),
        topic_id String,
        keywords Array(String),
        deleted UInt8,
        version UInt64
      ) ENGINE = ReplacingMergeTree(version)
      PARTITION BY toYYYYMM(received_at)
      ORDER BY (workspace_id, feedback_id)`,
    ],
  },
  {
    name: "0004_events_ingest",
    statements: [
      // What the Segment-compatible ingestion keeps beyond 0001: the payload hash for dedup (same
      // messageId, other payload = conflict), the spec's other fields, consent, and the source.
      `ALTER TABLE {db}.events
        ADD COLUMN IF NOT EXISTS payload_hash String,
        ADD COLUMN IF NOT EXISTS name String,
        ADD COLUMN IF NOT EXISTS group_id String,
        ADD COLUMN IF NOT EXISTS previous_id String,
        ADD COLUMN IF NOT EXISTS traits String,
        ADD COLUMN IF NOT EXISTS original_timestamp Nullable(DateTime64(3, 'UTC')),
        ADD COLUMN IF NOT EXISTS sent_at Nullable(DateTime64(3, 'UTC')),
        ADD COLUMN IF NOT EXISTS consent String,
        ADD COLUMN IF NOT EXISTS analytics_consent UInt8 DEFAULT 1,
        ADD COLUMN IF NOT EXISTS source LowCardinality(String),
        ADD COLUMN IF NOT EXISTS historical UInt8`,
      // Distinct id (user:…, anon:…) → customer, mirrored from the system of record so reports
      // resolve an event's customer, merges included (the newest version wins).
      `CREATE TABLE IF NOT EXISTS {db}.customer_identities (
        workspace_id UUID,
        distinct_id String,
        customer_id UUID,
        version UInt64
      ) ENGINE = ReplacingMergeTree(version)
      ORDER BY (workspace_id, distinct_id)`,
    ],
  },
  {
    name: "0005_journey_instances",
    statements: [
      // When a row reached the facts store, for the incremental journey-instance refresh: rows
      // inserted after its watermark name the units to recompute. Rows stored before this migration
      // get the migration's time (the first refresh is a full rebuild anyway).
      `ALTER TABLE {db}.events ADD COLUMN IF NOT EXISTS inserted_at DateTime64(3, 'UTC') DEFAULT now64(3)`,
      `ALTER TABLE {db}.events MATERIALIZE COLUMN inserted_at SETTINGS mutations_sync = 1`,
      `ALTER TABLE {db}.customer_identities ADD COLUMN IF NOT EXISTS inserted_at DateTime64(3, 'UTC') DEFAULT now64(3)`,
      `ALTER TABLE {db}.customer_identities MATERIALIZE COLUMN inserted_at SETTINGS mutations_sync = 1`,
      // One row per journey instance: a unit's (customer's) actual path through one journey, derived
      // from its events (docs/api/journey-analytics.md §6). seq numbers a unit's instances of a journey
      // in time order; a recomputation rewrites them with a higher version and marks the ones that no
      // longer exist deleted, so FINAL with deleted = 0 is the current set.
      `CREATE TABLE IF NOT EXISTS {db}.journey_instances (
        workspace_id UUID,
        journey_id UUID,
        unit String,
        seq UInt32,
        customer_id String,
        started_at DateTime64(3, 'UTC'),
        ended_at DateTime64(3, 'UTC'),
        completed UInt8,
        step_ids Array(String),
        step_indexes Array(UInt16),
        step_times Array(DateTime64(3, 'UTC')),
        step_channels Array(String),
        contacts UInt32,
        contact_times Array(DateTime64(3, 'UTC')),
        contact_channels Array(String),
        version UInt64,
        deleted UInt8
      ) ENGINE = ReplacingMergeTree(version)
      ORDER BY (workspace_id, journey_id, unit, seq)`,
    ],
  },
];
