import CSupport
import Foundation

/// Lambda JSON-format platform records.
enum PlatformRecord {
    static func record(_ message: String) -> [String: Any]? {
        guard let data = message.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["record"] as? [String: Any]
    }

    /// The values a `platform.report` record sets. One record per invocation: the few fields are
    /// read by key instead of building a tree. A field it lacks leaves the invocation's value.
    static func reportValues(bytes: UnsafeBufferPointer<UInt8>) -> ReportValues {
        var values = ReportValues()
        if let durationMs = number(bytes, "\"durationMs\"") { values.durationMs = durationMs }
        if let billedMs = number(bytes, "\"billedDurationMs\"") { values.billedMs = Int64(billedMs) }
        if let memoryMB = number(bytes, "\"memorySizeMB\"") { values.memoryMB = Int64(memoryMB) }
        if let maxMemoryMB = number(bytes, "\"maxMemoryUsedMB\"") { values.maxMemoryMB = Int64(maxMemoryMB) }
        if let initMs = number(bytes, "\"initDurationMs\"") { values.initMs = initMs }
        if let status = LineFormat.jsonStringField(bytes, "\"status\"") { values.status = status.lowercased() }
        if let type = LineFormat.jsonStringField(bytes, "\"errorType\"") { values.errorType = type }
        return values
    }

    /// The number after `"key":` in a one-line JSON record.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> Double? {
        guard let base = bytes.baseAddress,
              let hit = proxylens_memmem(base, bytes.count, key.utf8Start, key.utf8CodeUnitCount) else { return nil }
        var i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + key.utf8CodeUnitCount
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == UInt8(ascii: ":") { i += 1 }
        var end = i
        while end < bytes.count, (bytes[end] >= 48 && bytes[end] <= 57) || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E") || bytes[end] == UInt8(ascii: "+") { end += 1 }
        guard end > i else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self))
    }
}
