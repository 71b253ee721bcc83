import Foundation

/// Runs jobs on a thread of its own, one at a time in the order they were submitted, and hands
/// their results back in that order (or drops them, for jobs submitted without keeping theirs).
/// Jobs must not touch what the submitting thread uses meanwhile (the database connection above
/// all).
final class OrderedWorker<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(run: () -> Result, keepsResult: Bool)] = []
    private var results: [Result] = []
    /// Jobs submitted and not yet finished.
    private var unfinished = 0
    private var stopped = false

    init(name: String) {
        // The thread keeps the worker alive until `stop()` lets it finish.
        let thread = Thread { self.loop() }
        thread.name = name
        thread.start()
    }

    /// Queues `job`. Without `keepingResult`, nobody takes its result. With `waitingBelow`, waits
    /// first until fewer than that many jobs are unfinished, so that what the jobs hold stays bounded.
    func submit(keepingResult: Bool = true, waitingBelow limit: Int = .max, _ job: @escaping () -> Result) {
        condition.lock()
        while unfinished >= limit { condition.wait() }
        jobs.append((job, keepingResult))
        unfinished += 1
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

    /// Waits until every job submitted so far has finished.
    func waitUntilIdle() {
        condition.lock()
        defer { condition.unlock() }
        while unfinished > 0 { condition.wait() }
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
            let result = job.run()
            condition.lock()
            if job.keepsResult { results.append(result) }
            unfinished -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
