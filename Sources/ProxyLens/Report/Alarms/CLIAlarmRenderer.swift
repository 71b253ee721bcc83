import Foundation

/// One `aws cloudwatch put-metric-alarm --cli-input-json` document per alarm, each on one line
/// (`| while read -r doc; do aws cloudwatch put-metric-alarm --cli-input-json "$doc"; done`), or
/// one file each in an `--output` folder (`--cli-input-json file://…`). Without
/// `--sns-topic-arn` the documents have no AlarmActions.
struct CLIAlarmRenderer: AlarmRendering {
    let name = "cli"
    let summary = "one aws cloudwatch put-metric-alarm --cli-input-json document per alarm (a line each)"
    let perAlarm = true

    func render(_ plan: AlarmPlan, json: Bool) -> [AlarmDocument] {
        plan.alarms.map { alarm in
            let document = TemplateValue.map(alarm.apiProperties(actions: plan.snsTopicArn.map { .string($0) }))
            return AlarmDocument(fileName: "\(alarm.name).json", text: document.json(indent: nil) + "\n")
        }
    }
}
