import Foundation

/// Runs jobs on a thread of its own, one at a time in the order they were submitted, and hands
/// their results back in that order. Jobs must not touch what the submitting thread uses
/// meanwhile (the database connection above all).
final class OrderedWorker<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Result] = []
    private var results: [Result] = []
    private var stopped = false

    init(name: String) {
        // The thread keeps the worker alive until `stop()` lets it finish.
        let thread = Thread { self.loop() }
        thread.name = name
        thread.start()
    }

    func submit(_ job: @escaping () -> Result) {
        condition.lock()
        jobs.append(job)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result of the oldest job whose result has not been taken.
    func next() -> Result {
        condition.lock()
        defer { condition.unlock() }
        while results.isEmpty { condition.wait() }
        return results.removeFirst()
    }

    /// Lets the thread end once the jobs submitted so far are done.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty { condition.unlock(); return }
            let job = jobs.removeFirst()
            condition.unlock()
            let result = job()
            condition.lock()
            results.append(result)
            condition.broadcast()
            condition.unlock()
        }
    }
}
