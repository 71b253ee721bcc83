import Foundation

/// A CloudFormation template of `AWS::CloudWatch::Alarm` resources, YAML (comments at the top
/// and before each alarm) or, with `--json`, JSON (the notes under `Metadata`). Without
/// `--sns-topic-arn` the topic is the parameter `AlarmTopicArn`.
struct CloudFormationAlarmRenderer: AlarmRendering {
    let name = "cloudformation"
    let summary = "a CloudFormation template (YAML; JSON with --json) of AWS::CloudWatch::Alarm resources"
    let perAlarm = false

    static let topicParameter = "AlarmTopicArn"

    func render(_ plan: AlarmPlan, json: Bool) -> [AlarmDocument] {
        let actions: TemplateValue = plan.snsTopicArn.map { .string($0) } ?? .map([("Ref", .string(Self.topicParameter))])
        var top: [(String, TemplateValue)] = [
            ("AWSTemplateFormatVersion", .string("2010-09-09")),
            ("Description", .string(String("CloudWatch alarms for RDS Proxy and Lambda written by proxylens alarms from \(plan.database)".prefix(1024)))),
        ]
        if json {
            top.append(("Metadata", .map([("proxylens", .map([("Notes", .list(AlarmRenderer.header(plan).map { .string($0) }))]))])))
        }
        if plan.snsTopicArn == nil {
            top.append(("Parameters", .map([(Self.topicParameter, .map([
                ("Type", .string("String")),
                ("Description", .string("ARN of the SNS topic the alarms notify (AlarmActions)")),
                ("AllowedPattern", .string("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]+$")),
                ("ConstraintDescription", .string("an SNS topic ARN: arn:aws:sns:REGION:ACCOUNT:TOPIC")),
            ]))])))
        }
        func resource(_ alarm: Alarm) -> TemplateValue {
            .map([("Type", .string("AWS::CloudWatch::Alarm")), ("Properties", .map(alarm.apiProperties(actions: actions)))])
        }
        if json {
            top.append(("Resources", .map(plan.alarms.map { ($0.logicalId, resource($0)) })))
            return [AlarmDocument(fileName: "alarms.json", text: TemplateValue.map(top).json() + "\n")]
        }
        var lines = AlarmRenderer.comments(plan)
        lines += TemplateValue.map(top).yaml()
        lines.append("Resources:")
        for alarm in plan.alarms {
            lines.append("  # \(alarm.subject): \(alarm.kind)")
            lines += TemplateValue.map([(alarm.logicalId, resource(alarm))]).yaml(level: 1)
        }
        return [AlarmDocument(fileName: "alarms.yaml", text: lines.joined(separator: "\n") + "\n")]
    }
}
