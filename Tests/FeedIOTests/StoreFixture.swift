import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// The two engines the store runs on; the store contract tests run once on each.
enum StoreEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

/// A store to test: a SQLite file in a temporary directory, or a new database of the test PostgreSQL
/// cluster. `open()` opens it (again): the same file, or the same database.
final class StoreFixture {
    let engine: StoreEngine
    let directory = TemporaryDirectory()
    let database: String?
    let cluster: PostgresCluster?

    init(_ engine: StoreEngine) throws {
        self.engine = engine
        switch engine {
        case .sqlite:
            (cluster, database) = (nil, nil)
        case .postgres:
            let cluster = try PostgresCluster.shared()
            self.cluster = cluster
            database = try cluster.createDatabase()
        }
    }

    var location: PostgresLocation? {
        guard let cluster, let database else { return nil }
        return try? PostgresLocation(url: cluster.url(database))
    }

    func open() throws -> StateStore {
        switch engine {
        case .sqlite: try StateStore(directory: directory.file("state"))
        case .postgres: try StateStore(postgres: location!, password: nil)
        }
    }
}

