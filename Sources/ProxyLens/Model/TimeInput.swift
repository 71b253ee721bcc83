import Foundation

/// A time given on the command line (`--since`, `--until`): an absolute time, or a time
/// relative to the data's last event, which is only known once the database is open.
///
/// Accepted, each form with an example in `examples` (a test reads every one):
/// ISO-8601 with or without seconds and fraction, with `Z`, an offset or no zone (then UTC);
/// a date alone (its midnight, UTC); epoch milliseconds; `-30m`, `-2h`, `-1d`, `-90s` before the
/// last event. People paste times from the console (`09:15`), from an export (epoch ms) or think
/// in "the last half hour": all of them should work without conversion.
public enum TimeInput: Sendable, Equatable {
    /// Milliseconds since the epoch, UTC.
    case absolute(Int64)
    /// Milliseconds before the data's last event.
    case beforeLastEvent(Int64)

    /// One accepted form: its text, what it means, and the value it is read as.
    public struct Example: Sendable {
        public var text: String
        public var form: String
        public var value: TimeInput
    }

    /// Every form accepted, as help and README show them. 1773479700000 is 2026-03-14T09:15:00Z.
    public static let examples: [Example] = [
        Example(text: "2026-03-14T09:15:00Z", form: "ISO-8601 UTC", value: .absolute(1_773_479_700_000)),
        Example(text: "2026-03-14T09:15:00.250Z", form: "with a fraction", value: .absolute(1_773_479_700_250)),
        Example(text: "2026-03-14T09:15Z", form: "without seconds", value: .absolute(1_773_479_700_000)),
        Example(text: "2026-03-14T10:15+01:00", form: "with an offset", value: .absolute(1_773_479_700_000)),
        Example(text: "2026-03-14T04:15:00-0500", form: "with an offset without colon", value: .absolute(1_773_479_700_000)),
        Example(text: "2026-03-14T09:15", form: "no zone: UTC", value: .absolute(1_773_479_700_000)),
        Example(text: "2026-03-14 09:15:00", form: "a space for T (as sqlite3 prints)", value: .absolute(1_773_479_700_000)),
        Example(text: "2026-03-14", form: "a date alone: its midnight UTC", value: .absolute(1_773_446_400_000)),
        Example(text: "1773479700000", form: "epoch milliseconds", value: .absolute(1_773_479_700_000)),
        Example(text: "-30m", form: "30 minutes before the last event", value: .beforeLastEvent(1_800_000)),
        Example(text: "-2h", form: "2 hours before the last event", value: .beforeLastEvent(7_200_000)),
        Example(text: "-1d", form: "1 day before the last event", value: .beforeLastEvent(86_400_000)),
        Example(text: "-90s", form: "90 seconds before the last event", value: .beforeLastEvent(90_000)),
    ]

    /// What an error says is accepted.
    public static let accepted = "an ISO-8601 time (2026-03-14T09:15:00Z, 2026-03-14T09:15 with no zone: UTC, 2026-03-14T10:15+01:00), a date (2026-03-14), epoch ms (1773479700000) or -30m/-2h/-1d before the data's last event"

    /// Reads `text` given to `option`; a clear usage error naming both when it is none of the forms.
    public static func parse(_ text: String, option: String) throws -> TimeInput {
        guard let value = read(text.trimmingCharacters(in: .whitespaces)) else {
            throw ProxyLensError(.usage, option, "expected \(accepted); got '\(text)'")
        }
        return value
    }

    private static func read(_ text: String) -> TimeInput? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "-") {
            guard let seconds = Timestamp.parseDuration(String(text.dropFirst())), text.count > 2,
                  text.last.map({ "smhd".contains($0) }) == true else { return nil }
            return .beforeLastEvent(Int64(seconds) * 1000)
        }
        // Epoch milliseconds: digits only. Fewer than 11 digits would be seconds or a year
        // (before 1970-04-27 in ms): refused rather than read in the wrong unit.
        if bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard bytes.count >= 11, bytes.count <= 15, let ms = Int64(text), Timestamp.representable.contains(ms) else { return nil }
            return .absolute(ms)
        }
        if bytes.count == 10 { return Timestamp.parse(text + "T00:00:00Z").map(TimeInput.absolute) }
        var whole = bytes
        // Without seconds: `YYYY-MM-DDTHH:MM` then the zone, if any; `:00` is inserted.
        if bytes.count >= 16, bytes[13] == UInt8(ascii: ":"), bytes.count == 16 || bytes[16] != UInt8(ascii: ":") {
            whole = Array(bytes[0..<16]) + Array(":00".utf8) + Array(bytes[16...])
        }
        // `Timestamp.parse` reads log lines, where text follows the time; here nothing may.
        guard isWholeTime(whole) else { return nil }
        return Timestamp.parse(whole).map(TimeInput.absolute)
    }

    /// `YYYY-MM-DD?HH:MM:SS`, an optional fraction, then nothing, `Z`, `±HH`, `±HHMM` or `±HH:MM`.
    private static func isWholeTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 19 else { return false }
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
        var i = 19
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) { i += 1 }
        }
        let zone = Array(bytes[i...])
        if zone.isEmpty || zone == [UInt8(ascii: "Z")] || zone == [UInt8(ascii: "z")] { return true }
        guard zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-") else { return false }
        let rest = String(decoding: zone.dropFirst(), as: UTF8.self)
        let digits = rest.replacingOccurrences(of: ":", with: "")
        let shapeOK = rest.count == 2 || rest.count == 4 || (rest.count == 5 && rest.dropFirst(2).first == ":")
        return shapeOK && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// The time in epoch milliseconds; `lastEvent` is asked only for a relative time, and a
    /// relative time with no data to be relative to is an error naming `option`.
    public func resolve(option: String, lastEvent: () throws -> Int64?) throws -> Int64 {
        switch self {
        case .absolute(let ms): return ms
        case .beforeLastEvent(let ms):
            guard let last = try lastEvent() else {
                throw ProxyLensError(.usage, option, "a time relative to the last event, but the database holds no event")
            }
            return last - ms
        }
    }
}
