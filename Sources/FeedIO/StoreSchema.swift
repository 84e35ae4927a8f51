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
        return migrator
    }
}
