/// Copies one store into another, engine to engine (`feedd store copy`): every article file, entry,
/// article text, source and bookkeeping value, as they are; claims on sources are not copied (they belong
/// to running instances), nor the instance records. The destination must hold no row yet: a copy never
/// merges into a store in use.
public enum StoreCopy {
    /// A table and its columns, each an integer (`i`) or text (`t`), in the order copied.
    struct Table {
        var name: String
        var columns: [(name: String, integer: Bool)]
        /// What the destination may already hold (the rows its migrations add).
        var emptyCheck: String?

        init(_ name: String, _ spec: String, emptyCheck: String? = nil) {
            self.name = name
            columns = spec.split(separator: " ").map { part in
                let pieces = part.split(separator: ":")
                return (String(pieces[0]), pieces[1] == "i")
            }
            self.emptyCheck = emptyCheck
        }
    }

    static let tables = [
        Table("article_file", "name:t size:i mtime_ns:i entry_id:t error:t"),
        Table("entry", """
            source:t id:t origin:t title:t link:t summary:t content_html:t language:t published:i updated:i \
            original_date:i content_hash:t authors:t categories:t enclosures:t source_feed:t retracted_at:i last_seen:i \
            pending_body:t
            """),
        Table("article_text", "id:t summary:t content_html:t"),
        Table("source", """
            url:t name:t title:t site_url:t feed_id:t feed_updated:i etag:t last_modified:t permanent_url:t gone:i \
            failures:i next_poll:i last_fetch:i last_success:i last_status:i last_error_stage:t last_error:t hints:t
            """),
        Table("meta", "key:t value:t", emptyCheck: "key != 'generation'"),
    ]

    /// Rows copied, per table.
    public struct Report: Sendable {
        public var rows: [(table: String, count: Int)] = []
        public var total: Int { rows.reduce(0) { $0 + $1.count } }
    }

    /// Copies `source` into `destination` in one transaction of each (a failure leaves the destination as
    /// it was). Throws when the destination already holds rows.
    public static func copy(from source: StateStore, to destination: StateStore) throws(StoreError) -> Report {
        try source.read { from in
            try destination.writeBookkeeping { to in
                for table in tables {
                    let filter = table.emptyCheck.map { " WHERE \($0)" } ?? ""
                    if try to.session.integer("SELECT COUNT(*) FROM \(table.name)\(filter)") ?? 0 > 0 {
                        throw StoreError(path: destination.path, reason: """
                            holds rows already (table \(table.name)): a copy goes into a new, empty store only. \
                            Nothing was changed
                            """)
                    }
                }
                var report = Report()
                for table in tables {
                    let names = table.columns.map(\.name).joined(separator: ", ")
                    let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                    let insert = table.name == "meta"
                        ? "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
                        : "INSERT INTO \(table.name) (\(names)) VALUES (\(marks))"
                    var count = 0
                    try from.session.query("SELECT \(names) FROM \(table.name)", []) { row in
                        var values: [StoreValue] = []
                        values.reserveCapacity(table.columns.count)
                        for (index, column) in table.columns.enumerated() {
                            if column.integer {
                                values.append(try row.integer(index).map { .integer($0) } ?? .null)
                            } else {
                                values.append(try row.text(index).map { .text($0) } ?? .null)
                            }
                        }
                        try to.session.execute(insert, values)
                        count += 1
                    }
                    report.rows.append((table.name, count))
                }
                return report
            }
        }
    }
}
