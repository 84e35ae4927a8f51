import Foundation
import Synchronization

/// A task executor with a thread of its own: work run under `withTaskExecutorPreference(executor)` (child
/// tasks, default actors and the resumption of sleeps included) runs there, not on Swift concurrency's
/// cooperative pool (one thread per core), which the synchronous tests running beside keep busy. Timing
/// tests measure on one, and the server tests answer on one, so that what they see does not depend on how
/// busy the other tests keep the pool; the code under test is unchanged.
public final class DedicatedThreadExecutor: TaskExecutor, Sendable {
    private let jobs = Mutex<[UnownedJob]>([])
    private let wakeUp = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    public init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        wakeUp.signal()
    }

    /// Ends the thread once the jobs already queued have run.
    public func shutdown() {
        stopped.store(true, ordering: .releasing)
        wakeUp.signal()
    }

    private func run() {
        while true {
            wakeUp.wait()
            let batch = jobs.withLock { queued in
                defer { queued.removeAll() }
                return queued
            }
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            if stopped.load(ordering: .acquiring), jobs.withLock({ $0.isEmpty }) { return }
        }
    }
}
