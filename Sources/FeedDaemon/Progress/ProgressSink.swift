/// Where a pass reports its `PassEvent`s. A value, passed down to the ingest and the poller; what it does
/// with the events (count them, draw a line) is its owner's business. It may be called from many tasks at once.
public struct ProgressSink: Sendable {
    private let receive: @Sendable (PassEvent) -> Void

    public init(_ receive: @escaping @Sendable (PassEvent) -> Void) {
        self.receive = receive
    }

    public func report(_ event: PassEvent) {
        receive(event)
    }
}
