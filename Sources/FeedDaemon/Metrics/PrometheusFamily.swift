import FeedCore
/// One metric family of the Prometheus text exposition format: a name, its help text, its type and its samples.
public struct PrometheusFamily: Sendable, Equatable {
    /// The `# TYPE` of a family (only the two feedd uses).
    public enum Kind: String, Sendable {
        case counter
        case gauge
    }

    /// A metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`).
    public var name: String
    public var help: String
    public var kind: Kind
    public var samples: [PrometheusSample]

    public init(name: String, help: String, kind: Kind, samples: [PrometheusSample]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.samples = samples
    }
}

/// One sample line: label pairs (names in `[a-zA-Z_][a-zA-Z0-9_]*`) and a value.
public struct PrometheusSample: Sendable, Equatable {
    public var labels: [Label]
    public var value: Double

    /// One `name="value"` pair; the value may hold any text, it is escaped when rendered.
    public struct Label: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(labels: [Label] = [], value: Double) {
        self.labels = labels
        self.value = value
    }
}
