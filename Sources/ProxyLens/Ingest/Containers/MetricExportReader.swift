import Foundation

/// A JSON value with the line it starts on: metric exports are small documents, read whole, and
/// every problem in them is named by line.
indirect enum LinedJSON {
    case object([(key: String, value: LinedJSON)], line: Int)
    case array([LinedJSON], line: Int)
    case string(String, line: Int)
    case number(Double, line: Int)
    case bool(Bool, line: Int)
    case null(line: Int)

    var line: Int {
        switch self {
        case .object(_, let line), .array(_, let line), .string(_, let line), .number(_, let line), .bool(_, let line), .null(let line): return line
        }
    }

    subscript(key: String) -> LinedJSON? {
        if case .object(let fields, _) = self { return fields.first { $0.key == key }?.value }
        return nil
    }

    var string: String? { if case .string(let s, _) = self { return s }; return nil }
    var number: Double? { if case .number(let n, _) = self { return n }; return nil }
    var array: [LinedJSON]? { if case .array(let a, _) = self { return a }; return nil }
    var fields: [(key: String, value: LinedJSON)]? { if case .object(let f, _) = self { return f }; return nil }
}

/// Reads the metric exports in JSON: `get-metric-data` responses, `get-metric-statistics`
/// responses and the `--metric-data-queries` JSON (the console's CSV download of a graph is
/// `MetricConsoleCSVReader`'s). Each gives
/// `MetricResult`s (or `MetricQuery`s) to the sink; problems go to the sink as notes with their
/// line, and what could be read of the rest is kept.
struct MetricExportReader {
    let path: String

    /// Metric exports are small; larger files are not read.
    static let maximumBytes = 64 << 20

    /// The whole decoded content of the file.
    func bytes(_ window: ByteWindow) throws -> [UInt8] {
        while try window.fill() {
            if window.available > Self.maximumBytes { throw ProxyLensError(.input, path, "a metric export over 64 MiB") }
        }
        let bytes = Array(UnsafeBufferPointer(start: window.pointer + window.position, count: window.available))
        window.position = window.end
        return bytes
    }

    // MARK: get-metric-data

    func readMetricData(_ window: ByteWindow, into sink: ContainerSink) throws {
        var parser = LinedJSONParser(try bytes(window), path: path)
        var results: [MetricResult] = []
        for document in try parser.documents() {
            guard let list = document["MetricDataResults"]?.array else {
                sink.note(IngestIssue(line: document.line, reason: "a JSON document without MetricDataResults in a get-metric-data response; skipped"))
                continue
            }
            let pageHasMore = document["NextToken"]?.string != nil
            for item in list {
                guard let id = item["Id"]?.string else {
                    sink.note(IngestIssue(line: item.line, reason: "a get-metric-data result without an Id; skipped"))
                    continue
                }
                let label = item["Label"]?.string ?? id
                let times = item["Timestamps"]?.array ?? []
                let values = item["Values"]?.array ?? []
                if times.count != values.count {
                    sink.note(IngestIssue(line: item.line, reason: "result \(id): \(times.count) Timestamps but \(values.count) Values; skipped"))
                    continue
                }
                var points: [MetricPoint] = []
                var bad = 0
                for (time, value) in zip(times, values) {
                    guard let ts = time.string.flatMap(Timestamp.parse), let v = value.number else { bad += 1; continue }
                    points.append(MetricPoint(ts: ts, value: v))
                }
                if bad > 0 {
                    sink.note(IngestIssue(line: item.line, reason: "result \(id): \(bad) points whose timestamp is not ISO-8601 or whose value is not a number; skipped"))
                }
                let status = item["StatusCode"]?.string ?? "Complete"
                if status != "Complete" {
                    let more = status == "PartialData" && pageHasMore ? " (the page has a NextToken: ingest the next page too)" : ""
                    sink.note(IngestIssue(line: item.line, reason: "result \(id) has StatusCode \(status)\(more); its \(points.count) points kept", keptData: true))
                }
                for message in item["Messages"]?.array ?? [] {
                    sink.note(IngestIssue(line: message.line, reason: "result \(id): \(message["Code"]?.string ?? "message"): \(message["Value"]?.string ?? "")", keptData: true))
                }
                let period = Self.period(points)
                results.append(MetricResult(series: nil, queryId: id, label: label, points: points, line: item.line,
                                            labelSeries: KnownMetric.series(fromLabel: label, defaultPeriod: period)))
            }
            for message in document["Messages"]?.array ?? [] {
                sink.note(IngestIssue(line: message.line, reason: "\(message["Code"]?.string ?? "message"): \(message["Value"]?.string ?? "")", keptData: true))
            }
        }
        try sink.metricResults(results)
    }

    // MARK: get-metric-statistics

    /// The statistics a datapoint may hold, in the order the CLI prints them.
    static let statisticKeys = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"]

    func readStatistics(_ window: ByteWindow, into sink: ContainerSink) throws {
        var parser = LinedJSONParser(try bytes(window), path: path)
        var results: [MetricResult] = []
        for document in try parser.documents() {
            guard let label = document["Label"]?.string, let datapoints = document["Datapoints"]?.array else {
                sink.note(IngestIssue(line: document.line, reason: "a get-metric-statistics response needs Label and Datapoints; skipped"))
                continue
            }
            let known = KnownMetric.describe(label)
            let subject = Self.subject(fromPath: path, metric: label)
            if subject == nil {
                sink.note(IngestIssue(line: document.line, reason: "get-metric-statistics does not print dimensions, and the file name names no proxy or function (name it get-metric-statistics_<proxy or function>_\(label).json); stored with no dimensions", keptData: true))
            }
            var dimensions: [String: String] = [:]
            if let subject { dimensions[known?.dimension ?? "Name"] = subject }
            // (stat, unit) → points.
            var series: [String: (unit: String, points: [MetricPoint])] = [:]
            var order: [String] = []
            for datapoint in datapoints {
                guard let ts = datapoint["Timestamp"]?.string.flatMap(Timestamp.parse) else {
                    sink.note(IngestIssue(line: datapoint.line, reason: "a datapoint without an ISO-8601 Timestamp; skipped"))
                    continue
                }
                let unit = datapoint["Unit"]?.string ?? known?.unit ?? "None"
                var values: [(String, Double)] = Self.statisticKeys.compactMap { key in datapoint[key]?.number.map { (key, $0) } }
                for (key, value) in datapoint["ExtendedStatistics"]?.fields ?? [] {
                    if let number = value.number { values.append((key, number)) }
                }
                if values.isEmpty { sink.note(IngestIssue(line: datapoint.line, reason: "a datapoint with no statistic; skipped")) }
                for (stat, value) in values {
                    let key = stat + "\u{1f}" + unit
                    if series[key] == nil { order.append(key); series[key] = (unit, []) }
                    series[key]?.points.append(MetricPoint(ts: ts, value: value))
                }
            }
            for key in order {
                guard let entry = series[key] else { continue }
                let stat = String(key.split(separator: "\u{1f}")[0])
                let identity = MetricSeries(namespace: known?.namespace ?? "Unknown", metric: label, dimensions: dimensions, stat: stat,
                                            periodSeconds: Self.period(entry.points), unit: entry.unit)
                results.append(MetricResult(series: identity, queryId: nil, label: label, points: entry.points, line: document.line))
            }
            if known == nil {
                sink.note(IngestIssue(line: document.line, reason: "\(label) is not an RDS Proxy or Lambda metric proxylens knows; stored under namespace Unknown", keptData: true))
            }
        }
        try sink.metricResults(results)
    }

    /// The proxy or function a get-metric-statistics file is for, from its name:
    /// `…_<subject>_<MetricName>….json` (the word before the metric name), or
    /// `<subject>_<MetricName>.json`.
    static func subject(fromPath path: String, metric: String) -> String? {
        let words = InputPaths.stem(path).split(separator: "_").map(String.init)
        guard let index = words.firstIndex(of: metric), index > 0 else { return nil }
        let word = words[index - 1]
        return word == "get-metric-statistics" ? nil : word
    }

    // MARK: --metric-data-queries

    func readQueries(_ window: ByteWindow, into sink: ContainerSink) throws {
        var parser = LinedJSONParser(try bytes(window), path: path)
        var queries: [MetricQuery] = []
        for document in try parser.documents() {
            let list = document.array ?? document["MetricDataQueries"]?.array ?? []
            for item in list {
                guard let id = item["Id"]?.string else {
                    sink.note(IngestIssue(line: item.line, reason: "a metric data query without an Id; skipped"))
                    continue
                }
                let period = item["Period"]?.number.map { Int($0) }
                if let stat = item["MetricStat"] {
                    let metric = stat["Metric"]
                    guard let namespace = metric?["Namespace"]?.string, let name = metric?["MetricName"]?.string,
                          let statistic = stat["Stat"]?.string else {
                        sink.note(IngestIssue(line: item.line, reason: "query \(id): MetricStat needs Metric.Namespace, Metric.MetricName and Stat; skipped"))
                        continue
                    }
                    var dimensions: [String: String] = [:]
                    for dimension in metric?["Dimensions"]?.array ?? [] {
                        if let key = dimension["Name"]?.string, let value = dimension["Value"]?.string { dimensions[key] = value }
                    }
                    let seconds = stat["Period"]?.number.map { Int($0) } ?? period ?? 60
                    let unit = stat["Unit"]?.string ?? KnownMetric.describe(name)?.unit ?? "None"
                    queries.append(MetricQuery(id: id, series: MetricSeries(namespace: namespace, metric: name, dimensions: dimensions, stat: statistic,
                                                                            periodSeconds: seconds, unit: unit),
                                               expression: nil, label: item["Label"]?.string, periodSeconds: seconds))
                } else if let expression = item["Expression"]?.string {
                    queries.append(MetricQuery(id: id, series: nil, expression: expression, label: item["Label"]?.string, periodSeconds: period))
                } else {
                    sink.note(IngestIssue(line: item.line, reason: "query \(id) has neither MetricStat nor Expression; skipped"))
                }
            }
        }
        try sink.metricQueries(queries)
    }

    /// The period of a series from the spacing of its points (the smallest gap), 60 s when it
    /// has fewer than two.
    static func period(_ points: [MetricPoint]) -> Int {
        let times = Set(points.map(\.ts)).sorted()
        var smallest: Int64?
        for (a, b) in zip(times, times.dropFirst()) where b > a { smallest = min(smallest ?? (b - a), b - a) }
        return smallest.map { max(1, Int($0 / 1000)) } ?? 60
    }
}
