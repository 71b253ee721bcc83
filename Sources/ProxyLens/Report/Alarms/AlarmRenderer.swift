import Foundation

/// One output format of `alarms`. A new format is one file with a type conforming to this and
/// one entry in `AlarmRenderer.all`; `AlarmTests` then writes the public corpus's alarms with it.
protocol AlarmRendering: Sendable {
    /// The `--format` value.
    var name: String { get }
    /// One line for `--help` and README.
    var summary: String { get }
    /// Whether it writes one document per alarm (then `--output` is a folder) or one in all.
    var perAlarm: Bool { get }
    func render(_ plan: AlarmPlan, json: Bool) -> [AlarmDocument]
}

/// One file of `alarms` output: the text, and the name it gets in an `--output` folder.
public struct AlarmDocument: Sendable {
    public var fileName: String
    public var text: String
}

/// An `alarms --format` value: the name of one of `AlarmRenderer.all`.
public struct AlarmFormat: RawRepresentable, Hashable, Sendable, CaseIterable {
    public let rawValue: String
    public init?(rawValue: String) {
        guard AlarmRenderer.all.contains(where: { $0.name == rawValue }) else { return nil }
        self.rawValue = rawValue
    }
    private init(known: String) { rawValue = known }
    public static var allCases: [AlarmFormat] { AlarmRenderer.all.map { AlarmFormat(known: $0.name) } }
    public static let cloudformation = AlarmFormat(known: "cloudformation"), terraform = AlarmFormat(known: "terraform"), cli = AlarmFormat(known: "cli")
    public var summary: String { AlarmRenderer.all.first { $0.name == rawValue }?.summary ?? "" }
    /// One document per alarm: `--output` names a folder.
    public var perAlarm: Bool { AlarmRenderer.all.first { $0.name == rawValue }?.perAlarm ?? false }
}

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
