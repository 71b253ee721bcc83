import Foundation

/// How times are shown in a table: as short as the span allows (the date once, in a heading),
/// whole with `--wide`.
struct ClockStyle {
    enum Kind { case time, monthDay, full, iso }
    let kind: Kind

    init(first: Int64?, last: Int64?, wide: Bool) {
        guard !wide, let first, let last else { kind = .iso; return }
        let a = Timestamp.iso(first), b = Timestamp.iso(last)
        if a.prefix(10) == b.prefix(10) { kind = .time } else if a.prefix(4) == b.prefix(4) { kind = .monthDay } else { kind = .full }
    }

    func callAsFunction(_ ms: Int64?) -> String {
        guard let ms else { return "-" }
        let iso = Timestamp.iso(ms)
        switch kind {
        case .iso: return iso
        case .time: return String(iso.dropFirst(11).prefix(8))
        case .monthDay: return String(iso.dropFirst(5).prefix(5)) + " " + String(iso.dropFirst(11).prefix(5))
        case .full: return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
        }
    }

    /// What the short times leave out, for the heading: "2026-03-14, UTC".
    func context(_ first: Int64?) -> String {
        switch kind {
        case .time: return first.map { String(Timestamp.iso($0).prefix(10)) + ", UTC" } ?? "UTC"
        case .monthDay: return first.map { String(Timestamp.iso($0).prefix(4)) + ", UTC" } ?? "UTC"
        case .full, .iso: return "UTC"
        }
    }
}
