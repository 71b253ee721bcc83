/// Ctrl-C, as the stages see it: the executable's signal handler sets `requested`; reading,
/// parsing and waiting for the database check it and stop, keeping what is whole.
public enum Interruption {
    /// Set from a signal handler (a plain store, async-signal-safe).
    public nonisolated(unsafe) static var requested = false

    /// Thrown where work stops because of an interruption; the run ends, committing what is
    /// whole, and says so.
    public struct Stopped: Error, Sendable {
        public init() {}
    }

    /// Throws `Stopped` when an interruption was requested.
    @inline(__always)
    public static func check() throws {
        if requested { throw Stopped() }
    }
}
