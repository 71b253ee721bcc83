import Foundation

/// What `alarms` writes: the alarms for the proxies and functions of one database, and the
/// notes that say where thresholds came from (comments in the output).
public struct AlarmPlan: Sendable {
    public var database: String
    public var proxies: [String]
    public var functions: [String]
    public var alarms: [Alarm]
    /// Said as comments at the top of the output (and in the template's Metadata for JSON).
    public var notes: [String]
    /// The SNS topic of `--sns-topic-arn`; nil: a template parameter / Terraform variable.
    public var snsTopicArn: String?
}
