import GRDB

/// The store's tables, as numbered migrations (never edit a shipped one; add the next).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per article file in the seeds directory, valid or not: change detection by size and mtime.
            try db.execute(sql: """
                CREATE TABLE article_file (
                    name TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    entry_id TEXT,
                    error TEXT
                );
                CREATE INDEX article_file_entry ON article_file(entry_id);
                """)
            // Every entry feedd publishes, per source; `retracted_at` hides it without forgetting its dates.
            try db.execute(sql: """
                CREATE TABLE entry (
                    source TEXT NOT NULL,
                    id TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    title TEXT NOT NULL,
                    link TEXT,
                    summary TEXT,
                    content_html TEXT,
                    language TEXT,
                    published INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    original_date INTEGER,
                    content_hash TEXT NOT NULL,
                    authors TEXT,
                    categories TEXT,
                    enclosures TEXT,
                    source_feed TEXT,
                    retracted_at INTEGER,
                    PRIMARY KEY (source, id)
                );
                CREATE INDEX entry_order ON entry(published DESC, origin DESC, id);
                """)
        }
        migrator.registerMigration("v2-sources") { db in
            // One row per polled source, keyed by its configured location: validators, health and schedule.
            try db.execute(sql: """
                CREATE TABLE source (
                    url TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    title TEXT,
                    site_url TEXT,
                    feed_id TEXT,
                    feed_updated INTEGER,
                    etag TEXT,
                    last_modified TEXT,
                    permanent_url TEXT,
                    gone INTEGER NOT NULL DEFAULT 0,
                    failures INTEGER NOT NULL DEFAULT 0,
                    next_poll INTEGER,
                    last_fetch INTEGER,
                    last_success INTEGER,
                    last_status INTEGER,
                    last_error_stage TEXT,
                    last_error TEXT,
                    hints TEXT
                );
                ALTER TABLE entry ADD COLUMN last_seen INTEGER;
                CREATE INDEX entry_source ON entry(source, last_seen);
                """)
        }
        migrator.registerMigration("v3-meta") { db in
            // Small facts about the store: `generation` moves with every write transaction that changes a
            // row; `publish_stamp` says what the outputs were last rendered from.
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                INSERT INTO meta (key, value) VALUES ('generation', '0');
                """)
        }
        migrator.registerMigration("v4-articles-scan") { db in
            // `articles_scan` holds the digest of the seeds directory as the article_file rows last matched it
            // (see ArticleIngest). Any change to a row drops it, whoever makes the change, so a stale digest
            // can never hide a file that needs reading.
            try db.execute(sql: """
                CREATE TRIGGER article_file_insert AFTER INSERT ON article_file
                    BEGIN DELETE FROM meta WHERE key = 'articles_scan'; END;
                CREATE TRIGGER article_file_update AFTER UPDATE ON article_file
                    BEGIN DELETE FROM meta WHERE key = 'articles_scan'; END;
                CREATE TRIGGER article_file_delete AFTER DELETE ON article_file
                    BEGIN DELETE FROM meta WHERE key = 'articles_scan'; END;
                """)
        }
        migrator.registerMigration("v5-entry-updated") { db in
            // Article ingest looks up the instants its recent entries use, to give new ones distinct dates.
            try db.execute(sql: "CREATE INDEX entry_source_updated ON entry(source, updated)")
        }
        migrator.registerMigration("v6-pending-body") { db in
            // Polled entries keep their body as written until first published (`PendingBody`), and their
            // content hash now covers that body, not the sanitised one: the old hashes are blanked, which the
            // poller reads as "unknown", refreshing the row without taking it for a change of content.
            // Articles and undated polled entries get instants no other entry holds, whatever its source.
            try db.execute(sql: """
                ALTER TABLE entry ADD COLUMN pending_body TEXT;
                UPDATE entry SET content_hash = '' WHERE source != 'articles';
                DROP INDEX entry_source_updated;
                CREATE INDEX entry_updated ON entry(updated);
                """)
        }
        migrator.registerMigration("v7-indexes") { db in
            // The daemon finds due sources and its next wake through the schedule, not by reading every
            // source; pruning finds a source's newest entries without sorting all of them; the last change
            // is read off two indexes (partial: only retracted rows, so no visible-entry query is led to it);
            // status lists the rejected article files off a partial index of them alone; a source's latest
            // instant (`DistinctInstants`) is the end of an index range. `entry_source` goes: the source-led
            // indexes above serve every query it did, and each index repeats the source's URL per entry.
            try db.execute(sql: """
                CREATE INDEX source_schedule ON source(gone, next_poll);
                CREATE INDEX entry_source_published ON entry(source, published DESC, id);
                CREATE INDEX entry_retracted ON entry(retracted_at) WHERE retracted_at IS NOT NULL;
                CREATE INDEX article_file_rejected ON article_file(name) WHERE error IS NOT NULL;
                CREATE INDEX entry_source_latest ON entry(source, updated);
                DROP INDEX entry_source;
                """)
        }
        migrator.registerMigration("v8-article-text") { db in
            // An article's summary and content live in a table of their own, kept only while an output
            // publishes the article (`Publisher`): the rest are deleted and read again from the file when
            // needed, so the store holds what publishing needs, not a copy of the seeds directory. Apart,
            // they leave whole pages free when they go, and the entry rows stay small and dense.
            try db.execute(sql: """
                CREATE TABLE article_text (
                    id TEXT PRIMARY KEY NOT NULL,
                    summary TEXT,
                    content_html TEXT
                );
                INSERT INTO article_text (id, summary, content_html)
                    SELECT id, summary, content_html FROM entry WHERE source = 'articles';
                UPDATE entry SET summary = NULL, content_html = NULL WHERE source = 'articles';
                """)
        }
        migrator.registerMigration("v9-source-lease") { db in
            // Instances that share a store (PostgreSQL) claim each due source for a while before polling it
            // (`StoreTransaction.claimDueSources`); kept here too so that both engines hold the same rows
            // and a store copies either way.
            try db.execute(sql: """
                ALTER TABLE source ADD COLUMN lease_owner TEXT;
                ALTER TABLE source ADD COLUMN lease_until INTEGER;
                """)
        }
        migrator.registerMigration("v10-instance") { db in
            // The instances that share a store, as each last said of itself (`StateStore.recordInstance`).
            try db.execute(sql: """
                CREATE TABLE instance (
                    id TEXT PRIMARY KEY NOT NULL,
                    host TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    started INTEGER NOT NULL,
                    seen INTEGER NOT NULL,
                    publisher INTEGER NOT NULL DEFAULT 0,
                    seeds TEXT
                )
                """)
        }
        return migrator
    }
}
