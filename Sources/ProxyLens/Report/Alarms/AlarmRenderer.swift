import Foundation

public enum AlarmRenderer {
    /// Every format, in the order `--help` and README list them: the template AWS deploys
    /// itself first, then Terraform's, then the bare API calls.
    static let all: [any AlarmRendering] = [
        CloudFormationAlarmRenderer(),
        TerraformAlarmRenderer(),
        CLIAlarmRenderer(),
    ]

    public static func render(_ plan: AlarmPlan, format: AlarmFormat, json: Bool = false) -> [AlarmDocument] {
        all.first { $0.name == format.rawValue }?.render(plan, json: json) ?? []
    }

    /// What every template says first, a paragraph each: what was written from what, and the notes.
    static func header(_ plan: AlarmPlan) -> [String] {
        let proxies = plan.proxies.isEmpty ? "no proxy" : "proxies " + plan.proxies.joined(separator: ", ")
        let functions = plan.functions.isEmpty ? "no function" : "functions " + plan.functions.joined(separator: ", ")
        let paragraphs = [
            "proxylens alarms: \(plan.alarms.count) CloudWatch alarms for \(proxies) and \(functions), from \(plan.database). Nothing was sent to AWS.",
            plan.snsTopicArn.map { "AlarmActions notify \($0)." } ?? "AlarmActions notify the SNS topic given when this is deployed (no --sns-topic-arn).",
        ]
        return paragraphs + plan.notes
    }

    /// The header as comment lines (`# `), wrapped.
    static func comments(_ plan: AlarmPlan) -> [String] {
        header(plan).flatMap { wrap($0, width: 98) }.map { "# " + $0 }
    }

    /// Words of `text` in lines of at most `width` characters (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = "  "
            }
            line += (line.isEmpty || line == "  " ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
