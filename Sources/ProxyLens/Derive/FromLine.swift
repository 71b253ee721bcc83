/// A value read from one line, with the line's time and event id, so that a choice between lines
/// ("the earliest pin", "the last close") does not depend on the order they are read in.
struct FromLine<Value: BitwiseCopyable>: BitwiseCopyable {
    var ts: Int64
    var eventId: Int64
    var value: Value

    /// By time, then by event id (storage order).
    func isEarlier(than other: FromLine) -> Bool {
        ts != other.ts ? ts < other.ts : eventId < other.eventId
    }
}
