import Foundation

/// Wall time per phase of a run, in the order the phases ended (`PROXYLENS_TIMING` prints them):
/// one clock handed down, so that a step's own phases (deriving's) are told apart from the
/// caller's.
final class PhaseClock {
    private(set) var laps: [(String, Double)] = []
    private var started = Date()

    /// Ends the phase running now, under `name`, and starts the next.
    func lap(_ name: String) {
        let now = Date()
        laps.append((name, now.timeIntervalSince(started)))
        started = now
    }

    /// A figure measured otherwise (a thread's CPU time), kept with the laps; the clock runs on.
    func note(_ name: String, _ seconds: Double) {
        laps.append((name, seconds))
    }
}
