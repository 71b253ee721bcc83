import ArgumentParser
import Foundation
import ProxyLens

struct Alarms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the CloudWatch alarms the incident calls for (CloudFormation, Terraform or aws CLI).",
        discussion: """
            Per proxy: session pinning above 50 % of database connections, client connections
            near MaxDatabaseConnectionsAllowed, borrow latency, query latency; per function:
            throttles, and concurrency near its reserved concurrency where one is configured.
            Thresholds come from the ingested configuration and metrics (AWS's defaults where
            they say nothing); the output's comments and each AlarmDescription say which.
            Nothing is sent to AWS. Formats: cloudformation (YAML; --json for JSON), terraform,
            cli (one put-metric-alarm --cli-input-json document a line; with --output, a file
            each in that folder).

            Exit status: 0 written, 2 nothing to alarm on (no proxy or function in the
            database; the message says what it holds), usage or database error.

            Example:
              proxylens alarms --db incident.sqlite --format cloudformation > alarms.yaml
              proxylens alarms --db incident.sqlite --format terraform --output alarms.tf
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format.")
    var format: AlarmFormat = .cloudformation

    @Flag(help: "CloudFormation as JSON instead of YAML.")
    var json = false

    @Option(help: ArgumentHelp("SNS topic for AlarmActions (default: a CloudFormation parameter / Terraform variable; the cli documents get none).", valueName: "arn"))
    var snsTopicArn: String?

    @Option(help: ArgumentHelp("Only this proxy (repeat for more).", valueName: "name"))
    var proxy: [String] = []

    @Option(help: ArgumentHelp("Only this function (repeat for more).", valueName: "name"))
    var function: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (cli: this folder, a file per alarm) instead of standard output.", valueName: "path"))
    var output: String?

    func validate() throws {
        if json && format != .cloudformation { throw ValidationError("--json is for --format cloudformation only") }
        if let snsTopicArn, !AlarmOptions.isTopicArn(snsTopicArn) {
            throw ValidationError("--sns-topic-arn: expected an SNS topic ARN like arn:aws:sns:us-east-1:123456789012:oncall, got '\(snsTopicArn)'")
        }
    }

    func run() throws {
        do {
            let db = try Database(path: database.db, readOnly: true, migrate: false)
            let plan = try AlarmPlanner(database: db).plan(AlarmOptions(snsTopicArn: snsTopicArn, proxies: proxy, functions: function))
            let documents = AlarmRenderer.render(plan, format: format, json: json)
            if let output {
                if format.perAlarm {
                    try write(documents, folder: output)
                } else {
                    try write(documents.map(\.text).joined(), to: output)
                }
            } else {
                FileHandle.standardOutput.write(Data(documents.map(\.text).joined().utf8))
            }
            if format == .cli { for note in plan.notes { Console.error("note: \(note)") } }
            Console.error("wrote \(plan.alarms.count) alarms for \(plan.proxies.count) proxies and \(plan.functions.count) functions (\(format.rawValue))"
                + (output.map { " → \($0)" } ?? ""))
        } catch {
            throw Exit.fail(error)
        }
    }

    private func write(_ text: String, to path: String) throws {
        try OutputFile.write(text, to: path, what: "the alarms")
    }

    private func write(_ documents: [AlarmDocument], folder: String) throws {
        try OutputFile.createFolder(folder, for: "the alarms")
        for document in documents { try write(document.text, to: folder + "/" + document.fileName) }
    }
}

extension AlarmFormat: ExpressibleByArgument {}
