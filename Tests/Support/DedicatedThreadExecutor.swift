import Foundation
import Synchronization

/// A task executor with a thread of its own: work run under `withTaskExecutorPreference(executor)` (child
/// tasks and the resumption of sleeps included) runs there, not on Swift concurrency's cooperative pool.
/// Timing tests use it so that what they measure does not depend on how busy the other tests keep the
/// pool (two threads on two cores); the code under test is unchanged.
public final class DedicatedThreadExecutor: TaskExecutor, Sendable {
    private let jobs = Mutex<[UnownedJob]>([])
    private let wakeUp = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    public init(name: String = "feedd-test-executor") {
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
