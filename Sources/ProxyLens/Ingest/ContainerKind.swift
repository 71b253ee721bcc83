/// What an input file is, decided from its first bytes (never from its name).
enum ContainerKind: Equatable {
    /// `filter-log-events`, `get-log-events`, subscription payloads, `get-query-results`,
    /// the console's JSON array: all read by `CloudWatchJSONReader`.
    case logEventsJSON
    case insightsCSV
    case text(TextExportReader.Layout)
    case configuration
    /// What a Lambda subscription destination receives: `{"awslogs": {"data": "<base64 gzip payload>"}}`.
    case lambdaSubscriptionEvent
    case unknown(String)

    /// Looks at the start of the decoded content.
    static func sniff(_ head: UnsafeBufferPointer<UInt8>) -> ContainerKind {
        var i = 0
        // UTF-8 byte order mark
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, head[i] == 0x20 || head[i] == 0x0a || head[i] == 0x0d || head[i] == 0x09 { i += 1 }
        guard i < head.count else { return .unknown("empty file") }
        let rest = UnsafeBufferPointer(rebasing: head[i...])
        if looksBinary(rest) { return .unknown("binary data, not a CloudWatch Logs export") }
        switch rest[0] {
        case UInt8(ascii: "{"):
            return sniffObject(rest)
        case UInt8(ascii: "["):
            return .logEventsJSON
        default:
            break
        }
        var line = rest
        if let newline = rest.firstIndex(of: 0x0a) { line = UnsafeBufferPointer(rebasing: rest[..<newline]) }
        var cleanLine = Array(line)
        if cleanLine.contains(0x1b) { cleanLine = ANSI.strip(line) }
        return cleanLine.withUnsafeBufferPointer { first -> ContainerKind in
            let text = String(decoding: first, as: UTF8.self)
            if text.contains("@timestamp") && text.contains("@message") && text.contains(",") { return .insightsCSV }
            guard TextExportReader.startsWithDate(first), let space = first.firstIndex(of: 0x20) else {
                return .unknown("not a recognised CloudWatch Logs export (no JSON, no timestamped lines)")
            }
            let stamp = first[0..<space]
            let afterSpace = space + 1 < first.count ? first[space + 1] : 0
            // `aws logs tail --format detailed`: isoformat(timespec='microseconds') with +00:00
            if stamp.count >= 25, stamp[stamp.endIndex - 6] == UInt8(ascii: "+") || stamp[stamp.endIndex - 6] == UInt8(ascii: "-"),
               stamp[stamp.endIndex - 3] == UInt8(ascii: ":") {
                return .text(.tailDetailed)
            }
            if afterSpace == UInt8(ascii: "[") { return .text(.proxyText) }
            if stamp.count == 19 { return .text(.tailShort) }
            return .text(.s3Export)
        }
    }

    /// A root object: log events, or one of the configuration documents.
    private static func sniffObject(_ bytes: UnsafeBufferPointer<UInt8>) -> ContainerKind {
        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(65_536)), as: UTF8.self)
        // The first key decides, as the AWS CLI prints keys in a fixed order.
        guard let quote = head.firstIndex(of: "\"") else {
            return head.filter { !$0.isWhitespace } == "{}" ? .configuration : .unknown("an empty JSON object")
        }
        let afterQuote = head.index(after: quote)
        let key = head[afterQuote...].prefix { $0 != "\"" }
        switch key {
        case "events", "nextToken", "NextToken", "searchedLogStreams", "nextForwardToken", "nextBackwardToken",
             "messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents",
             "results", "statistics", "status":
            return .logEventsJSON
        case "awslogs":
            return .lambdaSubscriptionEvent
        case "DBProxies", "TargetGroups", "FunctionName", "Configuration", "ReservedConcurrentExecutions",
             "exportTasks", "ExportTasks", "FunctionArn":
            return .configuration
        default:
            return .unknown("a JSON document proxylens does not know (first key \"\(key.prefix(40))\")")
        }
    }

    /// NUL bytes or mostly control bytes in the first kilobytes.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sample = bytes.prefix(4096)
        // A few NUL or control bytes inside otherwise readable text are kept (and noted); a
        // file that is mostly control bytes is not a log export.
        var control = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0a && byte != 0x0d && byte != 0x1b {
            control += 1
        }
        return control * 20 > sample.count || (sample.count >= 2 && sample.prefix(2).allSatisfy { $0 == 0 })
    }
}
