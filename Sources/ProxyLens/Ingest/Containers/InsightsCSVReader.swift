/// Reads a Logs Insights CSV download: a header of field names (`@timestamp,@message,...`), then
/// RFC 4180 records whose quoted fields may hold commas, quotes and newlines.
struct InsightsCSVReader {
    var json: CloudWatchJSONReader

    mutating func read(_ window: ByteWindow, into sink: EventSink) throws {
        var header: [String]?
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var atFieldStart = true

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        func endRecord() throws {
            endField()
            defer { record.removeAll(keepingCapacity: true); recordLine = line }
            if record.count == 1 && record[0].isEmpty { return }
            guard let names = header else {
                header = record.map { $0.trimmingCharacters(in: .whitespaces) }
                return
            }
            var fields: [String: String] = [:]
            for (name, value) in zip(names, record) { fields[name] = value }
            if record.count != names.count {
                sink.note(IngestIssue(line: recordLine, reason: "a CSV record with \(record.count) fields where the header has \(names.count)"))
            }
            try json.emitInsightsRow(fields, offset: nil, line: recordLine, sink)
        }

        while true {
            if window.available == 0 {
                if try !window.fill() { break }
            }
            let byte = window.pointer[window.position]
            window.position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try window.ensure(1), window.pointer[window.position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        window.position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0a { line += 1 }
                    field.append(byte)
                    if field.count > window.maximumWindow { throw ProxyLensError(.input, "", line: recordLine, "a CSV field longer than \(window.maximumWindow >> 20) MiB") }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where atFieldStart:
                quoted = true
                atFieldStart = false
            case UInt8(ascii: ","):
                endField()
            case 0x0a:
                line += 1
                try endRecord()
            case 0x0d:
                break
            default:
                atFieldStart = false
                field.append(byte)
            }
        }
        if quoted { throw ProxyLensError(.input, "", line: recordLine, "the input ends inside a quoted CSV field (truncated?)") }
        if !field.isEmpty || !record.isEmpty { try endRecord() }
    }
}

import Foundation
