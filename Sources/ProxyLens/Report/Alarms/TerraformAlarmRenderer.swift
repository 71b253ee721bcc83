import Foundation

/// Terraform `aws_cloudwatch_metric_alarm` resources (hashicorp/aws), laid out as
/// `terraform fmt` would; without `--sns-topic-arn` the topic is the variable `alarm_topic_arn`.
struct TerraformAlarmRenderer: AlarmRendering {
    let name = "terraform"
    let summary = "Terraform aws_cloudwatch_metric_alarm resources"
    let perAlarm = false

    static let topicVariable = "alarm_topic_arn"

    func render(_ plan: AlarmPlan, json: Bool) -> [AlarmDocument] {
        var lines = AlarmRenderer.comments(plan)
        if plan.snsTopicArn == nil {
            lines += ["", "variable \"\(Self.topicVariable)\" {"]
            lines += Self.attributes([("description", Self.string("ARN of the SNS topic the alarms notify (alarm_actions)")), ("type", "string")], level: 1)
            lines.append("}")
        }
        let actions = plan.snsTopicArn.map(Self.string) ?? "var.\(Self.topicVariable)"
        for alarm in plan.alarms {
            lines += ["", "# \(alarm.subject): \(alarm.kind)", "resource \"aws_cloudwatch_metric_alarm\" \"\(alarm.resourceName)\" {"]
            var head: [(String, String)] = [
                ("alarm_name", Self.string(alarm.name)),
                ("alarm_description", Self.string(alarm.description)),
                ("actions_enabled", "true"),
                ("alarm_actions", "[\(actions)]"),
                ("comparison_operator", Self.string(alarm.comparison)),
                ("threshold", TemplateValue.number(alarm.threshold)),
                ("evaluation_periods", String(alarm.evaluationPeriods)),
                ("datapoints_to_alarm", String(alarm.datapointsToAlarm)),
                ("treat_missing_data", Self.string(alarm.treatMissingData)),
            ]
            if alarm.expression == nil, let metric = alarm.metrics.first {
                head += [
                    ("namespace", Self.string(metric.namespace)),
                    ("metric_name", Self.string(metric.metricName)),
                    ("statistic", Self.string(metric.stat)),
                    ("period", String(metric.periodSeconds)),
                ]
                lines += Self.attributes(head, level: 1)
                lines += Self.dimensions(metric, level: 1)
            } else {
                lines += Self.attributes(head, level: 1)
            }
            if let expression = alarm.expression {
                for metric in alarm.metrics {
                    lines += ["", "  metric_query {"]
                    lines += Self.attributes([("id", Self.string(metric.id)), ("return_data", "false")], level: 2)
                    lines += ["", "    metric {"]
                    lines += Self.attributes([("namespace", Self.string(metric.namespace)), ("metric_name", Self.string(metric.metricName)),
                                              ("period", String(metric.periodSeconds)), ("stat", Self.string(metric.stat))], level: 3)
                    lines += Self.dimensions(metric, level: 3)
                    lines += ["    }", "  }"]
                }
                lines += ["", "  metric_query {"]
                lines += Self.attributes([("id", Self.string(expression.id)), ("expression", Self.string(expression.expression)),
                                          ("label", Self.string(expression.label)), ("return_data", "true")], level: 2)
                lines.append("  }")
            }
            lines.append("}")
        }
        return [AlarmDocument(fileName: "alarms.tf", text: lines.joined(separator: "\n") + "\n")]
    }

    /// Consecutive attributes with their `=` aligned, as `terraform fmt` does.
    static func attributes(_ pairs: [(String, String)], level: Int) -> [String] {
        let width = pairs.map(\.0.count).max() ?? 0
        let pad = String(repeating: "  ", count: level)
        return pairs.map { pad + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + " = " + $0.1 }
    }

    static func dimensions(_ metric: AlarmMetric, level: Int) -> [String] {
        let pad = String(repeating: "  ", count: level)
        return [pad + "dimensions = {"] + attributes(metric.dimensions.map { ($0.name, string($0.value)) }, level: level + 1) + [pad + "}"]
    }

    /// An HCL string literal: JSON-like escapes, and `${` / `%{` doubled so they stay literal.
    static func string(_ text: String) -> String {
        var out = "\""
        var previous: Character = " "
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "{" where previous == "$" || previous == "%": out += String(previous) + "{"
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.value < 0x20 {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.append(character)
                }
            }
            previous = character
        }
        return out + "\""
    }
}
