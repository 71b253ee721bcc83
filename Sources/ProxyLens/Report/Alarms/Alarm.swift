import Foundation

/// One CloudWatch alarm: what it watches, the threshold, and why that threshold.
public struct Alarm: Sendable {
    /// `proxy NAME` or `function NAME`.
    public var subject: String
    /// What the alarm is about, as it appears in the names (`session-pinning`).
    public var kind: String
    /// AlarmName.
    public var name: String
    /// A CloudFormation logical id (letters and digits) and a Terraform resource name
    /// (letters, digits, `_`), unique within the output.
    public var logicalId: String
    public var resourceName: String
    /// AlarmDescription: the condition and where its threshold comes from (at most 1024 characters).
    public var description: String
    /// One metric read directly, or several combined by `expression`.
    public var metrics: [AlarmMetric]
    public var expression: AlarmExpression?
    public var comparison: String
    public var threshold: Double
    public var evaluationPeriods: Int
    public var datapointsToAlarm: Int
    public var treatMissingData: String

    /// The alarm as `PutMetricAlarm` takes it, which are also the properties of
    /// `AWS::CloudWatch::Alarm`; `actions` is AlarmActions (omitted when nil).
    func apiProperties(actions: TemplateValue?) -> [(String, TemplateValue)] {
        var out: [(String, TemplateValue)] = [
            ("AlarmName", .string(name)),
            ("AlarmDescription", .string(description)),
            ("ActionsEnabled", .bool(true)),
        ]
        if let actions { out.append(("AlarmActions", .list([actions]))) }
        if let expression {
            var queries: [TemplateValue] = metrics.map { metric in
                .map([
                    ("Id", .string(metric.id)),
                    ("MetricStat", .map(Self.metricStat(metric))),
                    ("ReturnData", .bool(false)),
                ])
            }
            queries.append(.map([
                ("Id", .string(expression.id)),
                ("Expression", .string(expression.expression)),
                ("Label", .string(expression.label)),
                ("ReturnData", .bool(true)),
            ]))
            out.append(("Metrics", .list(queries)))
        } else if let metric = metrics.first {
            out += [
                ("Namespace", .string(metric.namespace)),
                ("MetricName", .string(metric.metricName)),
                ("Dimensions", .list(metric.dimensions.map { .map([("Name", .string($0.name)), ("Value", .string($0.value))]) })),
                ("Statistic", .string(metric.stat)),
                ("Period", .number(Double(metric.periodSeconds))),
            ]
        }
        out += [
            ("ComparisonOperator", .string(comparison)),
            ("Threshold", .number(threshold)),
            ("EvaluationPeriods", .number(Double(evaluationPeriods))),
            ("DatapointsToAlarm", .number(Double(datapointsToAlarm))),
            ("TreatMissingData", .string(treatMissingData)),
        ]
        return out
    }

    private static func metricStat(_ metric: AlarmMetric) -> [(String, TemplateValue)] {
        [
            ("Metric", .map([
                ("Namespace", .string(metric.namespace)),
                ("MetricName", .string(metric.metricName)),
                ("Dimensions", .list(metric.dimensions.map { .map([("Name", .string($0.name)), ("Value", .string($0.value))]) })),
            ])),
            ("Period", .number(Double(metric.periodSeconds))),
            ("Stat", .string(metric.stat)),
        ]
    }
}

/// A value of an alarm document with its keys in order. CloudFormation (YAML or JSON), the
/// put-metric-alarm input and parts of Terraform are written from the same tree.
public indirect enum TemplateValue: Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([TemplateValue])
    case map([(String, TemplateValue)])

    /// JSON, keys in order; `indent` nil for one line.
    func json(indent: Int? = 2, level: Int = 0) -> String {
        switch self {
        case .string(let text): return JSONQuoting.quoted(text)
        case .number(let value): return Self.number(value)
        case .bool(let value): return value ? "true" : "false"
        case .list(let items):
            if items.isEmpty { return "[]" }
            guard let indent else { return "[" + items.map { $0.json(indent: nil) }.joined(separator: ",") + "]" }
            let pad = String(repeating: " ", count: indent * (level + 1))
            return "[\n" + items.map { pad + $0.json(indent: indent, level: level + 1) }.joined(separator: ",\n")
                + "\n" + String(repeating: " ", count: indent * level) + "]"
        case .map(let fields):
            if fields.isEmpty { return "{}" }
            guard let indent else {
                return "{" + fields.map { JSONQuoting.quoted($0.0) + ":" + $0.1.json(indent: nil) }.joined(separator: ",") + "}"
            }
            let pad = String(repeating: " ", count: indent * (level + 1))
            return "{\n" + fields.map { pad + JSONQuoting.quoted($0.0) + ": " + $0.1.json(indent: indent, level: level + 1) }
                .joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent * level) + "}"
        }
    }

    /// YAML block style, two spaces a level; strings double-quoted with JSON's escapes (which
    /// YAML's double-quoted style reads the same), keys plain (they are identifiers).
    func yaml(level: Int = 0) -> [String] {
        let pad = String(repeating: " ", count: 2 * level)
        switch self {
        case .string, .number, .bool: return [pad + json(indent: nil)]
        case .list(let items):
            if items.isEmpty { return [pad + "[]"] }
            var lines: [String] = []
            for item in items {
                var itemLines = item.yaml(level: level + 1)
                itemLines[0] = pad + "- " + itemLines[0].dropFirst(pad.count + 2)
                lines += itemLines
            }
            return lines
        case .map(let fields):
            if fields.isEmpty { return [pad + "{}"] }
            var lines: [String] = []
            for (key, value) in fields {
                switch value {
                case .string, .number, .bool: lines.append(pad + key + ": " + value.json(indent: nil))
                case .list(let items) where items.isEmpty: lines.append(pad + key + ": []")
                case .map(let inner) where inner.isEmpty: lines.append(pad + key + ": {}")
                case .list: lines.append(pad + key + ":"); lines += value.yaml(level: level)
                case .map: lines.append(pad + key + ":"); lines += value.yaml(level: level + 1)
                }
            }
            return lines
        }
    }

    /// A whole number without a decimal point, else the shortest form that reads back the same.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
