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
];
