import Dispatch

/// Runs blocking work (a subprocess waited for, a pipe read to its end) on a Dispatch thread and awaits it,
/// so that a test's long wait never holds one of Swift concurrency's few cooperative threads: on two cores,
/// two such waits would starve every other test's tasks (timers and deadlines included).
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
