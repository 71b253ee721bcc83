/// How many events were dropped as copies of events already stored, by the rule that found them
/// the same (see `event.dedupe_slot` in migrations/0008_add_event_dedupe_slot.sql).
public struct DuplicateCounts: Sendable, Equatable {
    /// Equal CloudWatch eventIds.
    public var sameEventId = 0
    /// No eventId on either side: the same stream, millisecond and message.
    public var sameText = 0
    /// One side with an eventId, the other without (the same events through two kinds of container).
    public var reconciled = 0

    public init(sameEventId: Int = 0, sameText: Int = 0, reconciled: Int = 0) {
        self.sameEventId = sameEventId
        self.sameText = sameText
        self.reconciled = reconciled
    }

    public var total: Int { sameEventId + sameText + reconciled }

    public mutating func add(_ other: DuplicateCounts) {
        sameEventId += other.sameEventId
        sameText += other.sameText
        reconciled += other.reconciled
    }

    /// "3 duplicates dropped: 2 same eventId, 1 same stream+time+message", nil when none.
    public var description: String? {
        guard total > 0 else { return nil }
        let parts = [(sameEventId, "same eventId"), (sameText, "same stream+time+message"), (reconciled, "reconciled across containers (one copy with an eventId, one without)")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return "\(total) duplicate\(total == 1 ? "" : "s") dropped: " + parts.joined(separator: ", ")
    }
}
