namespace Parley.Storage;

/// <summary>The PostgreSQL schema as numbered migrations; the <c>schema_version</c> table records the last applied.</summary>
internal static class PostgresSchema
{
    public static readonly string[] Migrations =
    [
        // 1: the same tables as the SQLite store's schema 2, with a generated tsvector for search.
        """
        CREATE TABLE captures (
            seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            format TEXT NOT NULL,
            content BYTEA NOT NULL,
            fetched_at TEXT,
            charset TEXT,
            status TEXT NOT NULL DEFAULT 'stored',
            error TEXT,
            added_at TEXT NOT NULL
        );
        CREATE INDEX captures_status ON captures(status);
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            capture_id TEXT NOT NULL REFERENCES captures(id),
            idx INTEGER NOT NULL,
            source TEXT NOT NULL,
            url TEXT,
            headline TEXT,
            bylines TEXT,
            outlet TEXT,
            published_text TEXT,
            published TEXT,
            updated_text TEXT,
            updated TEXT,
            dateline TEXT,
            section TEXT,
            language TEXT,
            body TEXT NOT NULL,
            captions TEXT,
            method TEXT,
            source_key TEXT NOT NULL,
            story_id TEXT NOT NULL,
            minhash BYTEA,
            fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(headline, '') || ' ' || body)) STORED
        );
        CREATE INDEX articles_capture ON articles(capture_id);
        CREATE INDEX articles_story ON articles(story_id);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_fts ON articles USING GIN (fts);
        CREATE TABLE article_bands (
            band BIGINT NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (band, article_id)
        );
        CREATE INDEX article_bands_article ON article_bands(article_id);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            group_key TEXT NOT NULL,
            date TEXT,
            date_basis TEXT NOT NULL,
            source_text TEXT NOT NULL, source_name TEXT NOT NULL, source_code TEXT NOT NULL,
            target_text TEXT NOT NULL, target_name TEXT NOT NULL, target_code TEXT NOT NULL,
            source_country TEXT NOT NULL, target_country TEXT NOT NULL,
            cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, cameo_name TEXT,
            quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,
            plover TEXT, plover_mode TEXT,
            location TEXT,
            modality TEXT NOT NULL,
            confidence DOUBLE PRECISION NOT NULL,
            num_mentions INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT
        );
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_dyad ON events(source_country, target_country, date);
        CREATE INDEX events_root ON events(cameo_root, date);
        CREATE TABLE mentions (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            sentence_index INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            group_key TEXT NOT NULL,
            date TEXT,
            date_basis TEXT NOT NULL,
            source_text TEXT NOT NULL, source_name TEXT NOT NULL, source_code TEXT NOT NULL,
            target_text TEXT NOT NULL, target_name TEXT NOT NULL, target_code TEXT NOT NULL,
            cameo TEXT NOT NULL, cameo_name TEXT, goldstein DOUBLE PRECISION NOT NULL, quad_class INTEGER NOT NULL,
            plover TEXT, plover_mode TEXT,
            location TEXT,
            modality TEXT NOT NULL,
            attribution TEXT,
            confidence DOUBLE PRECISION NOT NULL,
            UNIQUE(article_id, sentence_index, group_key, cameo, evidence_start)
        );
        CREATE INDEX mentions_event ON mentions(event_id);
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_group ON mentions(group_key, date);
        """,
        // 2: the job queue of a team server: one row per capture to process. A claim sets the
        // lease (owner, id, expiry) and counts an attempt; a commit fenced by the lease id sets
        // done (or failed, then parked after the last attempt) and counts a commit.
        """
        CREATE TABLE jobs (
            seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            capture_id TEXT PRIMARY KEY REFERENCES captures(id),
            status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'leased', 'done', 'failed', 'parked')),
            attempts INTEGER NOT NULL DEFAULT 0,
            commits INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT,
            lease_id TEXT,
            lease_expires TIMESTAMPTZ,
            error_code TEXT,
            error_message TEXT,
            queued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            done_by TEXT,
            done_at TIMESTAMPTZ
        );
        CREATE INDEX jobs_ready ON jobs(status, seq);
        CREATE INDEX jobs_lease ON jobs(lease_id);
        CREATE INDEX jobs_done ON jobs(done_by, done_at);
        """,
        // 3: the captures not yet processed (stored or failed), listed in seq order at the start of every plain
        // ingest and counted when failed, have an index of their own, as in the SQLite store's migration 10:
        // by status alone, "not processed" was a walk of every capture; the index by status goes.
        """
        CREATE INDEX IF NOT EXISTS captures_pending ON captures(seq) WHERE status <> 'processed';
        DROP INDEX IF EXISTS captures_status;
        """,
    ];
}
