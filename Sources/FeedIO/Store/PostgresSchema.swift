/// The PostgreSQL store's tables, as numbered migrations (never edit a shipped one; add the next).
///
/// The first migration makes the shape the SQLite store reached through its own migrations (`StoreSchema`):
/// the same tables, columns and indexes, so that one set of queries (`StoreTransaction`) serves both.
/// Integers are BIGINT (the store binds 64-bit values); every text that is a key or an order is
/// `COLLATE "C"`, byte order, as SQLite compares (the article files are listed as the directory scanner
/// lists them, and entries that share a date are ordered the same on both engines).
enum PostgresSchema {
    struct Migration {
        var version: Int
        var name: String
        /// One statement each (the extended protocol takes a statement at a time).
        var statements: [String]
    }

    /// The advisory lock key that serialises migrations: two instances starting at once apply each
    /// migration once, the second waiting for the first.
    static let migrationLock: Int64 = 0x6665_6564_6400_0001
    /// The session-level advisory lock the publishing instance holds (`StateStore.holdsPublisherRole`).
    static let publisherLock: Int64 = 0x6665_6564_6400_0002
    /// The session-level advisory lock the ingesting instance holds (`StateStore.holdsIngestRole`).
    static let ingestLock: Int64 = 0x6665_6564_6400_0003

    static let migrations: [Migration] = [
        Migration(version: 1, name: "tables", statements: [
            """
            CREATE TABLE article_file (
                name TEXT COLLATE "C" PRIMARY KEY NOT NULL,
                size BIGINT NOT NULL,
                mtime_ns BIGINT NOT NULL,
                entry_id TEXT COLLATE "C",
                error TEXT
            )
            """,
            "CREATE INDEX article_file_entry ON article_file(entry_id)",
            "CREATE INDEX article_file_rejected ON article_file(name) WHERE error IS NOT NULL",
            """
            CREATE TABLE entry (
                source TEXT COLLATE "C" NOT NULL,
                id TEXT COLLATE "C" NOT NULL,
                origin TEXT COLLATE "C" NOT NULL,
                title TEXT NOT NULL,
                link TEXT,
                summary TEXT,
                content_html TEXT,
                language TEXT,
                published BIGINT NOT NULL,
                updated BIGINT NOT NULL,
                original_date BIGINT,
                content_hash TEXT NOT NULL,
                authors TEXT,
                categories TEXT,
                enclosures TEXT,
                source_feed TEXT,
                retracted_at BIGINT,
                last_seen BIGINT,
                pending_body TEXT,
                PRIMARY KEY (source, id)
            )
            """,
            "CREATE INDEX entry_order ON entry(published DESC, origin DESC, id)",
            "CREATE INDEX entry_updated ON entry(updated)",
            "CREATE INDEX entry_source_published ON entry(source, published DESC, id)",
            "CREATE INDEX entry_retracted ON entry(retracted_at) WHERE retracted_at IS NOT NULL",
            "CREATE INDEX entry_source_latest ON entry(source, updated)",
            """
            CREATE TABLE article_text (
                id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
                summary TEXT,
                content_html TEXT
            )
            """,
            """
            CREATE TABLE source (
                url TEXT COLLATE "C" PRIMARY KEY NOT NULL,
                name TEXT COLLATE "C" NOT NULL,
                title TEXT,
                site_url TEXT,
                feed_id TEXT,
                feed_updated BIGINT,
                etag TEXT,
                last_modified TEXT,
                permanent_url TEXT,
                gone BIGINT NOT NULL DEFAULT 0,
                failures BIGINT NOT NULL DEFAULT 0,
                next_poll BIGINT,
                last_fetch BIGINT,
                last_success BIGINT,
                last_status BIGINT,
                last_error_stage TEXT,
                last_error TEXT,
                hints TEXT
            )
            """,
            "CREATE INDEX source_schedule ON source(gone, next_poll)",
            "CREATE TABLE meta (key TEXT COLLATE \"C\" PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            "INSERT INTO meta (key, value) VALUES ('generation', '0')",
            """
            CREATE FUNCTION feedd_article_file_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN DELETE FROM meta WHERE key = 'articles_scan'; RETURN NULL; END $$
            """,
            """
            CREATE TRIGGER article_file_changed AFTER INSERT OR UPDATE OR DELETE ON article_file
                FOR EACH ROW EXECUTE FUNCTION feedd_article_file_changed()
            """,
        ]),
        // Due sources are claimed by one instance until the lease ends (`claimDueSources`).
        Migration(version: 2, name: "source-lease", statements: [
            "ALTER TABLE source ADD COLUMN lease_owner TEXT, ADD COLUMN lease_until BIGINT",
        ]),
        // The instances that share the store, as each last said of itself (`StateStore.recordInstance`).
        Migration(version: 3, name: "instance", statements: [
            """
            CREATE TABLE instance (
                id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
                host TEXT NOT NULL,
                pid BIGINT NOT NULL,
                started BIGINT NOT NULL,
                seen BIGINT NOT NULL,
                publisher BIGINT NOT NULL DEFAULT 0,
                seeds TEXT
            )
            """,
        ]),
    ]

    /// Applies the migrations the database lacks, in one transaction under the migration lock; refuses a
    /// database that a newer feedd has migrated further.
    static func migrate(_ engine: PostgresEngine) throws {
        try engine.transaction(writing: true) { session in
            _ = try session.integer("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked", [migrationLock])
            try session.execute("""
                CREATE TABLE IF NOT EXISTS feedd_schema (
                    version BIGINT PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """)
            let applied = try session.integer("SELECT MAX(version) FROM feedd_schema") ?? 0
            let known = migrations.last?.version ?? 0
            if applied > known {
                throw StoreError(path: engine.location.description, reason: """
                    the database's schema is at version \(applied), newer than this feedd knows (\(known)): \
                    a newer feedd migrated it. Nothing was changed; run that version or newer
                    """)
            }
            for migration in migrations where migration.version > applied {
                for statement in migration.statements { try session.execute(statement) }
                try session.execute("INSERT INTO feedd_schema (version, name) VALUES (?, ?)", [migration.version, migration.name])
            }
        }
    }
}
