namespace Parley.Storage;

/// <summary>The SQLite schema as numbered migrations; <c>PRAGMA user_version</c> records the last applied.</summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        // 1: captures are stored first; everything else derives from them and can be rebuilt.
        """
        CREATE TABLE captures (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            format TEXT NOT NULL,
            content BLOB NOT NULL,
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
            method TEXT
        );
        CREATE INDEX articles_capture ON articles(capture_id);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            date TEXT,
            date_basis TEXT NOT NULL,
            source_text TEXT NOT NULL, source_name TEXT NOT NULL, source_code TEXT NOT NULL,
            target_text TEXT NOT NULL, target_name TEXT NOT NULL, target_code TEXT NOT NULL,
            source_country TEXT NOT NULL, target_country TEXT NOT NULL,
            cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, cameo_name TEXT,
            quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
            plover TEXT, plover_mode TEXT,
            location TEXT,
            modality TEXT NOT NULL,
            confidence REAL NOT NULL
        );
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_dyad ON events(source_country, target_country, date);
        CREATE INDEX events_root ON events(cameo_root, date);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id),
            article_id TEXT NOT NULL REFERENCES articles(id),
            sentence_index INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            source_text TEXT NOT NULL,
            target_text TEXT NOT NULL,
            date_basis TEXT NOT NULL,
            attribution TEXT,
            confidence REAL NOT NULL,
            UNIQUE(event_id, article_id, sentence_index)
        );
        CREATE INDEX mentions_event ON mentions(event_id);
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', content_rowid='rowid');
        """,
        // 2: mentions carry their coding and are the truth; events are recomputed from them and
        // carry counts; articles carry their source and story group. Everything derived is
        // rebuilt: the captures are kept and marked for processing on the next ingest.
        """
        DROP TABLE articles_fts;
        DROP TABLE mentions;
        DROP TABLE events;
        DROP TABLE articles;
        UPDATE captures SET status='stored', error=NULL;
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
            minhash BLOB
        );
        CREATE INDEX articles_capture ON articles(capture_id);
        CREATE INDEX articles_story ON articles(story_id);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (band, article_id)
        ) WITHOUT ROWID;
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
            quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
            plover TEXT, plover_mode TEXT,
            location TEXT,
            modality TEXT NOT NULL,
            confidence REAL NOT NULL,
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
            id INTEGER PRIMARY KEY,
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
            cameo TEXT NOT NULL, cameo_name TEXT, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
            plover TEXT, plover_mode TEXT,
            location TEXT,
            modality TEXT NOT NULL,
            attribution TEXT,
            confidence REAL NOT NULL,
            UNIQUE(article_id, sentence_index, group_key, cameo, evidence_start)
        );
        CREATE INDEX mentions_event ON mentions(event_id);
        CREATE INDEX mentions_group ON mentions(group_key, date);
        CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', content_rowid='rowid');
        """,
        // 3: the full-text index follows the articles table by triggers, inside the statement
        // that writes the row, instead of a second statement per article.
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, headline, body) VALUES (new.rowid, coalesce(new.headline,''), new.body);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.rowid, coalesce(old.headline,''), old.body);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.rowid, coalesce(old.headline,''), old.body);
            INSERT INTO articles_fts(rowid, headline, body) VALUES (new.rowid, coalesce(new.headline,''), new.body);
        END;
        """,
        // 4: the full-text index stems English words (sanctions, sanctioned -> sanction), as
        // PostgreSQL's 'english' configuration does, and folds diacritics. The triggers of 3
        // name the table, so they write into the new index.
        """
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2');
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        """,
        // 5: band rows are deleted by their primary key (bands recomputed from the stored signature), so
        // the index by article is dropped: 16 fewer index rows per article, and a batch dirties half
        // as many band-index pages (the throughput bench's "story write" phase).
        """
        DROP INDEX IF EXISTS article_bands_article;
        """,
        // 6: story bands are buffered in memory and written to article_bands in key order every few
        // thousand articles (BandBuffer); the articles stored after the last such write are those
        // above this rowid, and their bands are rebuilt from their signatures when a writer opens.
        """
        CREATE TABLE IF NOT EXISTS band_watermark (article_rowid INTEGER NOT NULL);
        INSERT INTO band_watermark SELECT coalesce(max(rowid), 0) FROM articles WHERE NOT EXISTS (SELECT 1 FROM band_watermark);
        """,
        // 7: a capture's mentions are told apart before they are stored (CaptureRows), so the wide unique
        // index over five columns goes; mentions are found by article through a narrow index instead.
        """
        CREATE TABLE mentions_7 (
            id INTEGER PRIMARY KEY,
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
            cameo TEXT NOT NULL, cameo_name TEXT, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
            plover TEXT, plover_mode TEXT,
            location TEXT,
            modality TEXT NOT NULL,
            attribution TEXT,
            confidence REAL NOT NULL
        );
        INSERT INTO mentions_7 SELECT * FROM mentions;
        DROP TABLE mentions;
        ALTER TABLE mentions_7 RENAME TO mentions;
        CREATE INDEX mentions_event ON mentions(event_id);
        CREATE INDEX mentions_group ON mentions(group_key, date);
        CREATE INDEX mentions_article ON mentions(article_id);
        """,
        // 8: the full-text index moves to a file of its own beside the database ("-search"), kept up
        // to date by a thread of its own, so that its tokenizing and merging leave the single batch
        // writer (SqliteEventStore.Search.cs). The articles table records what the index must forget:
        // every deleted or rewritten article's rowid, in order. The link key tells a search file
        // built for this database from one left behind by another.
        """
        DROP TRIGGER IF EXISTS articles_fts_insert;
        DROP TRIGGER IF EXISTS articles_fts_delete;
        DROP TRIGGER IF EXISTS articles_fts_update;
        DROP TABLE IF EXISTS articles_fts;
        CREATE TABLE search_removed (seq INTEGER PRIMARY KEY, article_rowid INTEGER NOT NULL);
        CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
            INSERT INTO search_removed(article_rowid) VALUES (old.rowid);
        END;
        CREATE TRIGGER articles_search_update AFTER UPDATE OF headline, body ON articles BEGIN
            INSERT INTO search_removed(article_rowid) VALUES (old.rowid);
        END;
        CREATE TABLE search_link (key TEXT NOT NULL);
        INSERT INTO search_link VALUES (lower(hex(randomblob(16))));
        """,
        // 9: two random-key indexes go. A capture's articles are found by their primary key (an article's id
        // is its capture's id, "-" and its place), so articles_capture is not needed; an article's
        // mentions by the article's rowid, which each mention now carries (article_row): rowids grow
        // as articles are stored, so a batch's entries land at the end of that index instead of on
        // most pages of an index by article id.
        """
        DROP INDEX IF EXISTS articles_capture;
        ALTER TABLE mentions ADD COLUMN article_row INTEGER;
        UPDATE mentions SET article_row = (SELECT a.rowid FROM articles a WHERE a.id = mentions.article_id);
        DROP INDEX IF EXISTS mentions_article;
        CREATE INDEX mentions_article_row ON mentions(article_row);
        """,
        // 10: the captures not yet processed (stored or failed) are listed at the start of every ingest.
        // By status, the index could not serve "not processed", so the listing read every capture's row,
        // content and all (a file of 100,000 captures, none pending: 67 ms cached, 0.27 s not): this index
        // holds only those captures, under one key, in rowid order (0.04 ms and 4 ms), and is where the
        // failed ones are counted; the writer's status update takes a capture out of it.
        """
        DROP INDEX IF EXISTS captures_status;
        CREATE INDEX IF NOT EXISTS captures_pending ON captures(status <> 'processed') WHERE status <> 'processed';
        """,
    ];
}
