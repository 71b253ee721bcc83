import Foundation

/// Reads the CloudWatch console's CSV download of a metrics graph (Actions → Download as .csv).
///
/// The layout of the one real download found (`samples/containers/metrics-console-csv/`): rows
/// named by their first field, the fields of a GetMetricData result plus the console's own
/// `Full label`, then one row per period, oldest first, with no time zone:
///
///     Id,m2
///     StatusCode,Complete
///     Messages,
///     Full label,us-east-1:AWS/EC2 InstanceId:i-052bbcbccf7277a40 CPUUtilization Average 300
///     Label,CPUUtilization
///     2026/02/14 15:00:00,2.0831292722730756
///
/// That file has one series; a column per series (`Id,m1,m2`) is inferred from the rows being
/// named in the first column. The rows are found by name, not position, since which of them the
/// console writes, and in what order, is seen only once.
struct MetricConsoleCSVReader {
    let path: String

    /// The names of the rows before the data, as the real download writes them.
    static let preambleRows = ["Id", "StatusCode", "Messages", "Full label", "Label"]

    func read(_ window: ByteWindow, into sink: ContainerSink) throws {
        let rows = Self.csvRecords(String(decoding: try MetricExportReader(path: path).bytes(window), as: UTF8.self))
        var preamble: [String: (line: Int, fields: [String])] = [:]
        var index = 0
        while index < rows.count, let name = rows[index].fields.first, Self.preambleRows.contains(name) {
            if let earlier = preamble[name] {
                throw ProxyLensError(.input, path, line: rows[index].line, "a second \(name) row (the first is line \(earlier.line)): not one graph's download")
            }
            preamble[name] = (rows[index].line, Array(rows[index].fields.dropFirst()))
            index += 1
        }
        guard let ids = preamble["Id"], !ids.fields.isEmpty, ids.fields.allSatisfy({ !$0.isEmpty }) else {
            throw ProxyLensError(.input, path, line: preamble["Id"]?.line ?? 1, "a console CSV download begins with a row of the series' Ids (Id,m1,…)")
        }
        let count = ids.fields.count
        for name in Self.preambleRows.dropFirst() {
            if let row = preamble[name], row.fields.count != count {
                sink.note(IngestIssue(line: row.line, reason: "the \(name) row has \(row.fields.count) fields where the Id row names \(count) series; the missing ones read as empty"))
            }
        }
        func field(_ name: String, _ column: Int) -> String? {
            guard let row = preamble[name], column < row.fields.count else { return nil }
            return row.fields[column]
        }
        let points = readPoints(rows[index...], ids: ids.fields, into: sink)

        var results: [MetricResult] = []
        for column in 0..<count {
            let id = ids.fields[column]
            let label = field("Label", column).flatMap { $0.isEmpty ? nil : $0 } ?? id
            if let status = field("StatusCode", column), !status.isEmpty, status != "Complete" {
                sink.note(IngestIssue(line: preamble["StatusCode"]?.line, reason: "series \(id) has StatusCode \(status); its \(points[column].count) points kept", keptData: true))
            }
            if let message = field("Messages", column), !message.isEmpty {
                sink.note(IngestIssue(line: preamble["Messages"]?.line, reason: "series \(id): \(message)", keptData: true))
            }
            var series: MetricSeries?
            if let full = field("Full label", column), !full.isEmpty {
                series = MetricFullLabel.parse(full, label: label)?.series
                if series == nil {
                    sink.note(IngestIssue(line: preamble["Full label"]?.line,
                                          reason: "series \(id): the Full label is not <region>:<Namespace> <Name>:<Value>… <Metric> <Stat> <Period>: \(full.prefix(120)); its label is read instead",
                                          keptData: true))
                }
            }
            // Without a full label only a label that names metric, subject and statistic names
            // the series; the rest wait in metric_unresolved under no query Id (a queries file
            // cannot name a console graph's series), and the ingest notes them.
            series = series ?? KnownMetric.series(fromLabel: label, defaultPeriod: MetricExportReader.period(points[column]))
            results.append(MetricResult(series: series, queryId: series == nil ? "" : nil, label: label, points: points[column],
                                        line: preamble["Full label"]?.line ?? ids.line))
        }
        try sink.metricResults(results)
    }

    /// The data rows: a time, then a value per series (empty where a series has none). Each
    /// series' points, in the order of the Id row.
    private func readPoints(_ rows: ArraySlice<(line: Int, fields: [String])>, ids: [String], into sink: ContainerSink) -> [[MetricPoint]] {
        let count = ids.count
        var points: [[MetricPoint]] = Array(repeating: [], count: count)
        var zoneNoted = false
        for row in rows {
            if row.fields.allSatisfy({ $0.isEmpty }) { continue }
            let first = row.fields.first ?? ""
            guard let ts = Self.time(first) else {
                sink.note(IngestIssue(line: row.line, reason: "a row whose first field is neither a row name of the console's CSV download (\(Self.preambleRows.joined(separator: ", "))) nor a time YYYY/MM/DD HH:MM:SS: \(first.prefix(40).debugDescription); skipped"))
                continue
            }
            if !zoneNoted {
                // The download writes times without a zone, in the zone the console showed (UTC
                // or the browser's local time, a console setting): which one cannot be told.
                sink.note(IngestIssue(line: row.line, reason: "the console's CSV download carries no time zone: its times are read as UTC; if the console showed local time, every point is off by that zone's offset",
                                      keptData: true))
                zoneNoted = true
            }
            guard row.fields.count == count + 1 else {
                sink.note(IngestIssue(line: row.line, reason: "a row with \(row.fields.count - 1) values where the Id row names \(count) series; skipped"))
                continue
            }
            for (column, text) in row.fields.dropFirst().enumerated() where !text.isEmpty {
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    sink.note(IngestIssue(line: row.line, reason: "series \(ids[column]): not a number: \(text.prefix(40).debugDescription); skipped"))
                    continue
                }
                points[column].append(MetricPoint(ts: ts, value: value))
            }
        }
        return points
    }

    /// `2026/02/14 15:00:00`, read as UTC, in epoch milliseconds; nil for anything else.
    static func time(_ text: String) -> Int64? {
        var bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "/"), bytes[7] == UInt8(ascii: "/"), bytes[10] == UInt8(ascii: " ") else { return nil }
        bytes[4] = UInt8(ascii: "-")
        bytes[7] = UInt8(ascii: "-")
        return Timestamp.parse(bytes)
    }

    /// RFC 4180 records with the line each starts on.
    static func csvRecords(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""
            } else if c == "\n" {
                fields.append(field); field = ""
                records.append((recordLine, fields)); fields = []
                line += 1
                recordLine = line
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append((recordLine, fields)) }
        return records
    }
}
