/// Ctrl-C, as the stages see it: the executable's signal handler sets `requested`; reading,
/// parsing and waiting for the database check it and stop, keeping what is whole.
public enum Interruption {
    /// Set from a signal handler. Kept in memory of its own rather than in a static variable:
    /// a static variable is checked for exclusive access at run time, and a store from the
    /// handler while the reading thread read it trapped ("Simultaneous accesses"); the check was
    /// also a cost on every event. The executable reads it once before installing the handler,
    /// so the lazy allocation never runs inside the handler.
    private nonisolated(unsafe) static let flag: UnsafeMutablePointer<Int32> = {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    public static var requested: Bool {
        get { flag.pointee != 0 }
        set { flag.pointee = newValue ? 1 : 0 }
    }

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
