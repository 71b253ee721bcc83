import Foundation

/// Parsing and printing of the timestamp forms CloudWatch tools print, as epoch milliseconds UTC.
public enum Timestamp {
    /// Parses `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM|±HHMM]`; no zone means UTC.
    /// Returns nil for anything else.
    public static func parse<C: RandomAccessCollection>(_ bytes: C) -> Int64? where C.Element == UInt8, C.Index == Int {
        let s = bytes.startIndex
        guard bytes.count >= 19 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                let c = bytes[i]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard let year = digits(s, 4), bytes[s + 4] == 45, let month = digits(s + 5, 2), bytes[s + 7] == 45,
              let day = digits(s + 8, 2), bytes[s + 10] == 84 || bytes[s + 10] == 32,
              let hour = digits(s + 11, 2), bytes[s + 13] == 58, let minute = digits(s + 14, 2),
              bytes[s + 16] == 58, let second = digits(s + 17, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month, of: year), hour < 24, minute < 60, second < 61 else { return nil }
        var i = s + 19
        var millis = 0
        if i < bytes.endIndex && bytes[i] == 46 {
            i += 1
            var scale = 100
            var any = false
            while i < bytes.endIndex, bytes[i] >= 48, bytes[i] <= 57 {
                millis += Int(bytes[i] - 48) * scale
                scale /= 10
                i += 1
                any = true
            }
            if !any { return nil }
        }
        var offsetMinutes = 0
        if i < bytes.endIndex {
            let c = bytes[i]
            if c == 90 || c == 122 {
                i += 1
            } else if c == 43 || c == 45 {
                let end = bytes.endIndex
                guard i + 3 <= end, let h = digits(i + 1, 2) else { return nil }
                var m = 0
                if i + 6 <= end, bytes[i + 3] == 58, let mm = digits(i + 4, 2) {
                    m = mm
                } else if i + 5 <= end, let mm = digits(i + 3, 2) {
                    m = mm
                }
                // Real offsets lie within ±18:00 (ISO 8601 allows up to 23:59).
                guard h < 24, m < 60 else { return nil }
                offsetMinutes = (h * 60 + m) * (c == 43 ? 1 : -1)
            }
        }
        let days = daysFromCivil(year, month, day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1000 + Int64(millis)
    }

    public static func parse(_ text: String) -> Int64? { parse(Array(text.utf8)) }

    /// Days in `month` (1–12) of `year`, leap years counted.
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The times proxylens keeps: years 0 to 9999, what ISO-8601 text with a four-digit
    /// year can say. Events outside are skipped at ingest (and named).
    public static let representable: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

    /// Howard Hinnant's days_from_civil.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `2025-12-07T13:30:01.056Z`
    public static func iso(_ ms: Int64) -> String {
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let rem = ms - days * 86_400_000
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        var year = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        if month <= 2 { year += 1 }
        let hour = rem / 3_600_000, minute = rem / 60_000 % 60, second = rem / 1000 % 60, milli = rem % 1000
        func pad(_ v: Int64, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(milli, 3))Z"
    }

    /// Parses a duration like `5m`, `90s`, `1h`, `300` (seconds) into seconds.
    public static func parseDuration(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = t.last else { return nil }
        let scale: Int
        var number = t
        switch last {
        case "s": scale = 1; number.removeLast()
        case "m": scale = 60; number.removeLast()
        case "h": scale = 3600; number.removeLast()
        case "d": scale = 86_400; number.removeLast()
        default: scale = 1
        }
        guard let value = Int(number), value > 0 else { return nil }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: scale)
        // Longer than a year is not a report window.
        return overflow || seconds > 366 * 86_400 ? nil : seconds
    }
}
