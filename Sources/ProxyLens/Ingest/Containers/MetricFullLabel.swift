/// The `Full label` of a series in the CloudWatch console's CSV download of a graph: the console's
/// description of what was graphed, `<region>:<Namespace> <Name>:<Value>… <Metric> <Stat> <Period>`
/// (the real download: `us-east-1:AWS/EC2 InstanceId:i-052bbcbccf7277a40 CPUUtilization Average 300`).
/// It is the only place the download names namespace, dimensions and statistic: the `Label` row
/// holds the metric name alone unless the graph gave the series a label.
struct MetricFullLabel: Equatable {
    /// The region prefix (`us-east-1`), nil when the text has none.
    var region: String?
    var namespace: String
    var dimensions: [String: String]
    var metric: String
    var stat: String
    var periodSeconds: Int

    /// Reads a full label; nil when it does not have that shape.
    ///
    /// The words are split on spaces, so the period and the statistic are the last two words and
    /// the namespace the first (namespaces, statistics and periods hold no spaces). Between them,
    /// the metric name comes last: a word with `:` starts a dimension (split at its first `:`, so
    /// a value may hold more colons, as an ARN does), a word without one continues the previous
    /// dimension's value (a value with spaces). A metric name with spaces is recognised only when
    /// the series' `label` is that name (the console's default label); otherwise its first words
    /// would be read as part of a dimension value, which the text cannot tell apart.
    static func parse(_ text: String, label: String) -> MetricFullLabel? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 4, let period = Int(words[words.count - 1]), period > 0 else { return nil }
        let stat = words[words.count - 2]
        guard isStatistic(stat) else { return nil }
        var region: String?
        var namespace = words[0]
        if let colon = namespace.firstIndex(of: ":"), isRegion(namespace[..<colon]) {
            region = String(namespace[..<colon])
            namespace = String(namespace[namespace.index(after: colon)...])
        }
        guard !namespace.isEmpty else { return nil }
        var middle = Array(words[1..<(words.count - 2)])
        let labelWords = label.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let metric: String
        if !labelWords.isEmpty, labelWords.count <= middle.count, Array(middle.suffix(labelWords.count)) == labelWords {
            metric = labelWords.joined(separator: " ")
            middle.removeLast(labelWords.count)
        } else {
            guard let last = middle.popLast() else { return nil }
            metric = last
        }
        guard !metric.contains(":") else { return nil }
        var dimensions: [String: String] = [:]
        var current: String?
        for word in middle {
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
                let name = String(word[..<colon])
                guard dimensions[name] == nil else { return nil }
                dimensions[name] = String(word[word.index(after: colon)...])
                current = name
            } else if let name = current {
                dimensions[name, default: ""] += " " + word
            } else {
                return nil
            }
        }
        return MetricFullLabel(region: region, namespace: namespace, dimensions: dimensions, metric: metric, stat: stat, periodSeconds: period)
    }

    /// The statistics CloudWatch takes: the five standard ones, `IQM`, and the extended ones in
    /// their short (`p99`, `tm99`, `wm90`, `tc99.9`, `ts95`) and range forms (`TM(10%:90%)`,
    /// `PR(:300)`, `TC(0.005:0.030)`).
    static func isStatistic(_ word: String) -> Bool {
        if KnownMetric.statistics.contains(word) || word == "IQM" { return true }
        for prefix in ["TM(", "WM(", "TC(", "TS(", "PR("] where word.hasPrefix(prefix) {
            return word.hasSuffix(")") && word.count > prefix.count + 1
        }
        for prefix in ["p", "tm", "wm", "tc", "ts"] where word.hasPrefix(prefix) {
            let number = word.dropFirst(prefix.count)
            if let first = number.first, first.isNumber, let value = Double(number), value >= 0, value <= 100 { return true }
        }
        return false
    }

    /// `us-east-1`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-5`: lower-case words joined by
    /// hyphens, ending in a number.
    static func isRegion(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    /// The series this names; the unit is the known one when the metric is an RDS Proxy or Lambda
    /// metric of its own namespace (the download names no unit), else `None`.
    var series: MetricSeries {
        let known = KnownMetric.describe(metric).flatMap { $0.namespace == namespace ? $0.unit : nil }
        return MetricSeries(namespace: namespace, metric: metric, dimensions: dimensions, stat: stat, periodSeconds: periodSeconds, unit: known ?? "None")
    }
}
