import CSupport
import Glibc

/// Turns one Logs Insights result row into a log event.
enum InsightsRow {
    /// Columns that name the Lambda function, as a query may add them (`function_name` is
    /// also what Lambda Insights' performance events call it).
    static let functionColumns = ["function", "functionName", "function_name", "FunctionName"]

    static func event(from fields: [String: String], defaultGroup: String?, defaultStream: String?) -> RawEvent {
        var group = defaultGroup
        // A column a query added with the function's name (`fields function`), when the row
        // has no `@log`: the function's default group, so the name is the export's own.
        if let function = functionColumns.lazy.compactMap({ fields[$0] }).first(where: { !$0.isEmpty }) {
            group = "/aws/lambda/" + function
        }
        if let log = fields["@log"], !log.isEmpty {
            // "<account-id>:<log-group-name>"
            if let colon = log.firstIndex(of: ":"), log[..<colon].allSatisfy(\.isNumber) {
                group = String(log[log.index(after: colon)...])
            } else {
                group = log
            }
        }
        let timestamp = fields["@timestamp"].flatMap { Timestamp.parse(Array($0.utf8)) } ?? Int64.min
        return RawEvent(logGroup: group, logStream: fields["@logStream"] ?? defaultStream ?? "",
                        timestamp: timestamp, ingestionTime: fields["@ingestionTime"].flatMap { Timestamp.parse(Array($0.utf8)) },
                        eventId: nil, message: Array((fields["@message"] ?? "").utf8))
    }
}
