import CSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One log line layout: a name, real example lines, and a matcher. Formats are tried in the order
/// of `LineFormat.all`; a test checks that every example is parsed by its own entry.
public struct LineFormat: Sendable {
    public let name: String
    /// Every byte a line of this format can start with; other lines are not offered to `parse`.
    public let startsWith: String
    public let examples: [String]
    let parse: @Sendable (UnsafeBufferPointer<UInt8>) -> ParsedLine?

    /// Parses a message with the first format that accepts it.
    public static func parse(_ message: UnsafeBufferPointer<UInt8>) -> (ParsedLine, String) {
        for format in all {
            if let parsed = format.parse(message) { return (parsed, format.name) }
        }
        return (ParsedLine(kind: .other), "other")
    }

    /// The same as `parse(_:)` without the format's name, for ingest, which calls it on every
    /// line: looping over `all` copies each format (its name, examples and closure), and the
    /// reference counting of those copies cost more than the matching itself.
    /// Only the formats whose `startsWith` has the line's first byte are tried, in their order.
    static func fields(of message: UnsafeBufferPointer<UInt8>) -> ParsedLine {
        guard let first = message.first else { return ParsedLine(kind: .other) }
        let candidates = candidatesByFirstByte[Int(first)]
        var index = 0
        while index < candidates.count {
            if let parsed = matchers[candidates[index]](message) { return parsed }
            index += 1
        }
        return ParsedLine(kind: .other)
    }

    private static let matchers = all.map(\.parse)
    private static let candidatesByFirstByte: [[Int]] = (0..<256).map { byte in
        all.indices.filter { all[$0].startsWith.utf8.contains(UInt8(byte)) }
    }

    public static func parse(_ message: String) -> (ParsedLine, String) {
        var copy = message
        return copy.withUTF8 { parse($0) }
    }

    /// Ordered: platform lines have fixed prefixes and come first; the proxy layout before app
    /// layouts because both start with a timestamp; plain text last.
    public static let all: [LineFormat] = [
        LineFormat(name: "lambda-start", startsWith: "S", examples: [
            "START RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf Version: $LATEST\n",
        ]) { prefixed($0, "START RequestId: ", kind: .start) },
        LineFormat(name: "lambda-end", startsWith: "E", examples: [
            "END RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\n",
        ]) { prefixed($0, "END RequestId: ", kind: .end) },
        LineFormat(name: "lambda-report", startsWith: "R", examples: [
            "REPORT RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\tDuration: 26.73 ms\tBilled Duration: 27 ms \tMemory Size: 128 MB\tMax Memory Used: 75 MB\t\n",
            "REPORT RequestId: 4725a167-21a7-5731-99c2-c3d0e3dfd770\tDuration: 180000.00 ms\tBilled Duration: 180000 ms\tMemory Size: 1280 MB\tMax Memory Used: 1201 MB\tStatus: timeout\n",
        ]) { prefixed($0, "REPORT RequestId: ", kind: .report) },
        LineFormat(name: "lambda-init-start", startsWith: "I", examples: [
            "INIT_START Runtime Version: nodejs:18.v30\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:f89c264158db39a1cfcbb5f9b3741413df1cfce4d550c9a475a67d923e19e2f4\n",
        ]) { hasPrefix($0, "INIT_START ") ? ParsedLine(kind: .initStart) : nil },
        LineFormat(name: "lambda-init-report", startsWith: "I", examples: [
            "INIT_REPORT Init Duration: 206.72 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError\n",
        ]) { hasPrefix($0, "INIT_REPORT ") ? ParsedLine(kind: .initReport) : nil },
        LineFormat(name: "lambda-xray", startsWith: "X", examples: [
            "XRAY TraceId: 1-5e34a614-10bdxmplf1fb44f07bc535a1\tSegmentId: 07f5xmpl2d1f6f85\tSampled: true\n",
        ]) { hasPrefix($0, "XRAY TraceId: ") ? ParsedLine(kind: .xray) : nil },
        LineFormat(name: "lambda-extension", startsWith: "LET", examples: [
            "LOGS Name: cloudwatch_lambda_agent State: Subscribed Types: [Platform]\n",
            "EXTENSION Name: cloudwatch_lambda_agent State: Ready Events: [INVOKE,SHUTDOWN]\n",
        ]) { hasPrefix($0, "LOGS Name: ") || hasPrefix($0, "EXTENSION Name: ") || hasPrefix($0, "TELEMETRY Name: ") ? ParsedLine(kind: .extensionLine) : nil },
        LineFormat(name: "lambda-runtime-exit", startsWith: "R", examples: [
            "RequestId: 726f245b-38d2-46d0-81e5-724553d60176 Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n",
            "RequestId: 18fea243-5715-11e7-9ad9-a197117ae4d4 Process exited before completing request\n",
        ]) { runtimeExit($0) },
        LineFormat(name: "lambda-timeout-legacy", startsWith: "0123456789", examples: [
            "2023-10-20T16:28:17.840Z 4299ee26-8d1d-4ea9-bd43-77b85ed96cfe Task timed out after 31.01 seconds\n\n",
        ]) { legacyTimeout($0) },
        LineFormat(name: "lambda-platform-json", startsWith: "{", examples: [
            #"{"time":"2026-10-08T07:30:28.235Z","type":"platform.start","record":{"requestId":"79b5e81f-9cdd-4145-b1f6-7c50ef8a2a36","functionArn":"arn:aws:lambda:eu-central-1:825765399535:function:tenner-notifier","version":"$LATEST"}}"#,
            #"{"time":"2026-07-09T06:05:50.581Z","type":"platform.report","record":{"requestId":"aec7a529-0fd2-4e4b-9c2e-5b6a3b1c2d3e","metrics":{"durationMs":5000.0,"billedDurationMs":5000,"memorySizeMB":128,"maxMemoryUsedMB":94},"status":"timeout"}}"#,
        ]) { platformJSON($0) },
        LineFormat(name: "lambda-unhandled-error-json", startsWith: "{", examples: [
            // What the Java and custom (Go, Rust) runtimes print for an unhandled error: no prefix, no request id.
            #"{"errorMessage":"Connection reset","errorType":"com.microsoft.sqlserver.jdbc.SQLServerException","stackTrace":["com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4270)"]}"#,
            #"{"errorMessage":"driver: bad connection","errorType":"errorString"}"#,
        ]) { unhandledErrorJSON($0) },
        LineFormat(name: "lambda-app-json", startsWith: "{", examples: [
            #"{"timestamp":"2026-10-08T07:30:29.443Z","level":"ERROR","requestId":"79b5e81f-9cdd-4145-b1f6-7c50ef8a2a36","message":"payment failed"}"#,
            #"{"timestamp":"2024-01-16T16:56:00.152Z","message":"order saved","level":"INFO","AWSRequestId":"0e9c1b2a-7c1d-4b8e-9a51-5c3d2e1f0a9b"}"#,
            // pino and bunyan write their level as a number (below, `jsonLevel`).
            #"{"level":50,"time":1773480046970,"pid":8,"hostname":"169.254.10.213","err":{"type":"Error","message":"read ECONNRESET","stack":"Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)","code":"ECONNRESET"},"msg":"order lookup failed"}"#,
            #"{"name":"orders-api","hostname":"169.254.10.213","pid":8,"level":30,"msg":"order ord_5a3d67d9b3 saved","time":"2026-03-14T10:00:00.012Z","v":0}"#,
        ]) { appJSON($0) },
        LineFormat(name: "python-text", startsWith: "[", examples: [
            "[INFO]\t2020-01-31T22:12:58.534Z\t1c8df7d3-xmpl-46da-9778-518e6eca8125\t## EVENT\n",
            "[INFO]\t2026-05-02T21:55:11.504Z\t\tFound credentials in environment variables.\n",
        ]) { pythonText($0) },
        LineFormat(name: "python-unhandled-error", startsWith: "[", examples: [
            "[ERROR] OperationalError: SSL SYSCALL error: EOF detected\n\nTraceback (most recent call last):\n\u{a0}\u{a0}File \"/var/task/handler.py\", line 64, in lambda_handler\n",
        ]) { pythonUnhandledError($0) },
        LineFormat(name: "rds-proxy", startsWith: "0123456789", examples: [
            "2023-09-06T08:28:13.685Z [WARN] [proxyEndpoint=default] [clientConnection=51706963] The client session was pinned to the database connection [dbConnection=973587044] for the remainder of the session. The proxy can't reuse this connection until the session ends. Reason: The connection ran a SQL query which exceeded the 16384 byte limit.",
            "2020-08-04T11:47:24.251Z [WARN] [clientConnection=3888679423] The client session was pinned to the database connection [dbConnection=1427437] for the remainder of the session. The proxy can't reuse this connection until the session ends. Reason: A parse message was detected.",
            "2024-10-12T17:20:40 [INFO] [dbConnection=4173595554] A TCP connection was established from the proxy at 10.0.11.38:15569 to the database at 10.0.10.246:5432.",
        ]) { proxyLine($0) },
        LineFormat(name: "rds-proxy-bare", startsWith: "C", examples: [
            "Credentials couldn't be retrieved. The database user \"X\" was found in multiple DB proxy authentication entries",
        ]) { hasPrefix($0, "Credentials couldn't be retrieved") ? ParsedLine(kind: .proxy, level: "ERROR") : nil },
        LineFormat(name: "java-log4j", startsWith: "0123456789", examples: [
            "2026-03-14 09:15:03 f63cdbd0-a66a-4474-b90f-71f7370bfe15 INFO  OrderHandler - loading order o-99127\n",
        ]) { javaLog4j($0) },
        LineFormat(name: "tab-separated-app", startsWith: "0123456789", examples: [
            // Node.js 8.10: no level field.
            "2019-02-11T14:35:51.112Z\tc1d6cb2b-2b0b-4b4e-8f38-95c5f3b5c1a0\tTypeError: Cannot read property 'query' of undefined\n",
            "2019-09-18T00:02:46.542Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tINFO\tfetching order\n",
            "2019-09-18T00:02:46.542Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Connection terminated unexpectedly\",\"stack\":[]}\n",
            "2025-12-07T13:31:14.862Z\tff3fc8b9-cd4d-4519-8db8-057bce0bf539\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n",
        ]) { tabSeparatedApp($0) },
        // Last: it is tried for any line no other layout took, and only such lines.
        LineFormat(name: "java-unhandled-error", startsWith: String((0x21...0x7e).map { Character(Unicode.Scalar(UInt8($0))) }), examples: [
            "This connection has been closed.: org.postgresql.util.PSQLException\norg.postgresql.util.PSQLException: This connection has been closed.\n\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:1050)\n\n",
        ]) { javaUnhandledError($0) },
    ]

    // MARK: Matchers

    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count, let base = bytes.baseAddress else { return false }
        return memcmp(base, prefix.utf8Start, count) == 0
    }

    /// The token from `start` up to white space.
    static func token(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
        guard let end = tokenEnd(bytes, from: start) else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), end)
    }

    /// Where the token (up to white space) that starts at `start` ends; nil when it is empty.
    /// Formats that must check what follows the token find its end first and make the String
    /// only for lines they take.
    static func tokenEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var end = start
        while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0a, bytes[end] != 0x0d { end += 1 }
        return end > start ? end : nil
    }

    static func prefixed(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString, kind: LineKind) -> ParsedLine? {
        guard hasPrefix(bytes, prefix), let (id, _) = token(bytes, from: prefix.utf8CodeUnitCount) else { return nil }
        return ParsedLine(kind: kind, requestId: id)
    }

    static func runtimeExit(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard hasPrefix(bytes, "RequestId: "), let (id, end) = token(bytes, from: 11) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: bytes[min(end + 1, bytes.count)...])
        guard hasPrefix(rest, "Error: ") || hasPrefix(rest, "Process exited") else { return nil }
        return ParsedLine(kind: .runtimeExit, requestId: id)
    }

    static func legacyTimeout(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard bytes.count > 40, TextExportReader.startsWithDate(bytes), let space = bytes.firstIndex(of: 0x20),
              let end = tokenEnd(bytes, from: space + 1) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: bytes[min(end + 1, bytes.count)...])
        guard hasPrefix(rest, "Task timed out after ") else { return nil }
        return ParsedLine(kind: .timeout, requestId: String(decoding: UnsafeBufferPointer(rebasing: bytes[(space + 1)..<end]), as: UTF8.self))
    }

    /// Finds `"key":"value"` in a one-line JSON record without parsing it all.
    static func jsonStringField(_ bytes: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> String? {
        jsonValueStart(bytes, key).flatMap { jsonString(bytes, at: $0) }
    }

    /// The string that begins at `start` (up to its first quote or escape), or nil for another value.
    static func jsonString(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> String? {
        guard bytes[start] == UInt8(ascii: "\"") else { return nil }
        var end = start + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
    }

    /// Where the value of the first `key` followed by `:` begins (past white space), on the bytes.
    static func jsonValueStart(_ bytes: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> Int? {
        let count = key.utf8CodeUnitCount
        guard let base = bytes.baseAddress, bytes.count > count else { return nil }
        var from = 0
        while from + count <= bytes.count {
            guard let hit = proxylens_memmem(base + from, bytes.count - from, key.utf8Start, count) else { return nil }
            var i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + count
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { from = i; continue }
            i += 1
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            return i < bytes.count ? i : nil
        }
        return nil
    }

    static func platformJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard hasPrefix(bytes, "{"), let type = jsonStringField(bytes, "\"type\""), type.hasPrefix("platform.") else { return nil }
        let kind: LineKind
        switch type {
        case "platform.start": kind = .platformStart
        case "platform.report": kind = .platformReport
        case "platform.initStart", "platform.initReport", "platform.initRuntimeDone": kind = .platformInit
        case "platform.runtimeDone": kind = .platformRuntimeDone
        default: kind = .platformOther
        }
        return ParsedLine(kind: kind, requestId: jsonStringField(bytes, "\"requestId\""))
    }

    static func unhandledErrorJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard hasPrefix(bytes, "{\"errorMessage\"") || hasPrefix(bytes, "{\"errorType\""),
              jsonStringField(bytes, "\"requestId\"") == nil, jsonStringField(bytes, "\"level\"") == nil else { return nil }
        return ParsedLine(kind: .appError, level: "ERROR")
    }

    static func appJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard hasPrefix(bytes, "{") else { return nil }
        // awslambdaric writes its own unhandled-error record with `log_level`.
        let level = jsonLevel(bytes) ?? jsonStringField(bytes, "\"log_level\"")
        let id = jsonStringField(bytes, "\"requestId\"") ?? jsonStringField(bytes, "\"AWSRequestId\"")
        guard level != nil || id != nil else { return nil }
        return ParsedLine(kind: .app, requestId: id?.isEmpty == true ? nil : id, level: level)
    }

    /// A record's `"level"`: its text, or pino's and bunyan's number as the level's name (their
    /// default levels are trace 10, debug 20, info 30, warn 40, error 50, fatal 60: pino
    /// lib/constants.js DEFAULT_LEVELS, bunyan lib/bunyan.js). Read as a level, a pino line at
    /// error level may carry the invocation's error and one at info level is its last activity, as
    /// any logger's line; unread, every pino line was a line with no layout, each a candidate for
    /// the error. The key is found once for both.
    static func jsonLevel(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let start = jsonValueStart(bytes, "\"level\"") else { return nil }
        if let text = jsonString(bytes, at: start) { return text }
        var i = start, value = 0
        while i < bytes.count, i - start < 4, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        guard i > start, i < bytes.count, bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "}") || bytes[i] == 0x20 else { return nil }
        switch value {
        case 60...: return "FATAL"
        case 50...: return "ERROR"
        case 40...: return "WARN"
        case 30...: return "INFO"
        case 20...: return "DEBUG"
        default: return "TRACE"
        }
    }

    /// awslambdaric's unhandled-error record: `[ERROR] <errorType>: <errorMessage>` then the
    /// traceback (bootstrap.py). The type is one identifier (dotted at most); a logger line
    /// `[ERROR] some text: …` (Java's LambdaLogger) is not this record.
    static func pythonUnhandledError(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard hasPrefix(bytes, "[ERROR] ") else { return nil }
        let rest = UnsafeBufferPointer(rebasing: bytes[8...])
        var i = 0
        while i < rest.count, isIdentifierByte(rest[i]) || rest[i] == UInt8(ascii: ".") { i += 1 }
        guard i > 0, i < rest.count, rest[i] == UInt8(ascii: ":") else { return nil }
        return ParsedLine(kind: .appError, level: "ERROR")
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte == 0x5f
    }

    /// Text that begins with a dotted type name followed by ` (0x`, `:` or the end of the line:
    /// an exception's ToString() (.NET) or a Java throwable's first line.
    static func startsWithExceptionType(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var dots = 0
        while i < bytes.count, isIdentifierByte(bytes[i]) || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "+") {
            if bytes[i] == UInt8(ascii: ".") { dots += 1 }
            i += 1
        }
        guard dots > 0, i > 2 else { return false }
        if i == bytes.count || bytes[i] == 0x0a || bytes[i] == UInt8(ascii: ":") { return true }
        return i + 3 < bytes.count && bytes[i] == 0x20 && bytes[i + 1] == UInt8(ascii: "(") && bytes[i + 2] == UInt8(ascii: "0")
    }

    /// The Java runtime client's unhandled-error text (`UserFault.reportableError`,
    /// `"%s: %s\n%s\n"`): `<message>: <exception class>` on the first line, the stack trace
    /// (which begins with the same class) after. It carries no request id and no level.
    static func javaUnhandledError(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard let newline = bytes.firstIndex(of: 0x0a), newline > 4 else { return nil }
        // The class: after the last ": " of the first line.
        var start = newline - 1
        while start > 1, !(bytes[start - 1] == 0x20 && bytes[start - 2] == UInt8(ascii: ":")) { start -= 1 }
        guard start > 1 else { return nil }
        let type = UnsafeBufferPointer(rebasing: bytes[start..<newline])
        guard startsWithExceptionType(type), type.allSatisfy({ isIdentifierByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "$") }) else { return nil }
        let next = newline + 1
        guard next + type.count < bytes.count,
              memcmp(bytes.baseAddress! + next, type.baseAddress!, type.count) == 0 else { return nil }
        return ParsedLine(kind: .appError, level: "ERROR")
    }

    static func pythonText(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard bytes.count > 4, bytes[0] == UInt8(ascii: "["), let close = bytes.firstIndex(of: UInt8(ascii: "]")),
              close < 12, close + 1 < bytes.count, bytes[close + 1] == 0x09 else { return nil }
        let level = String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<close]), as: UTF8.self)
        // [LEVEL]\t<timestamp>\t<request id>\t<message>
        var i = close + 2
        while i < bytes.count, bytes[i] != 0x09 { i += 1 }
        let idStart = i + 1
        var idEnd = idStart
        while idEnd < bytes.count, bytes[idEnd] != 0x09 { idEnd += 1 }
        let id = idStart < idEnd ? String(decoding: UnsafeBufferPointer(rebasing: bytes[idStart..<idEnd]), as: UTF8.self) : nil
        return ParsedLine(kind: .app, requestId: id, level: level)
    }

    /// The levels the runtimes' tab-separated layout carries: Node.js (console methods),
    /// .NET (Amazon.Lambda.RuntimeSupport's short labels) and the advanced logging controls' names.
    static let runtimeLevels: Set<String> = [
        "INFO", "WARN", "ERROR", "DEBUG", "TRACE", "FATAL", "LOG",
        "trce", "dbug", "info", "warn", "fail", "crit",
        "Trace", "Debug", "Information", "Warning", "Error", "Critical",
    ]

    static func tabSeparatedApp(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard TextExportReader.startsWithDate(bytes), let tab = bytes.firstIndex(of: 0x09) else { return nil }
        var idEnd = tab + 1
        while idEnd < bytes.count, bytes[idEnd] != 0x09, bytes[idEnd] != 0x0a { idEnd += 1 }
        guard idEnd < bytes.count, bytes[idEnd] == 0x09 else { return nil }
        let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<idEnd]), as: UTF8.self)
        var levelEnd = idEnd + 1
        while levelEnd < bytes.count, bytes[levelEnd] != 0x09, bytes[levelEnd] != 0x0a { levelEnd += 1 }
        let level = String(decoding: UnsafeBufferPointer(rebasing: bytes[(idEnd + 1)..<levelEnd]), as: UTF8.self)
        // Node.js 8.10 and earlier wrote `<time>\t<request id>\t<message>`, with no level: the
        // third field is the message unless it is a level a runtime writes.
        guard Self.runtimeLevels.contains(level) else { return ParsedLine(kind: .app, requestId: id.isEmpty ? nil : id, level: nil) }
        let rest = UnsafeBufferPointer(rebasing: bytes[min(levelEnd + 1, bytes.count)...])
        var kind = LineKind.app
        switch level {
        case "fail", "crit":
            // Amazon.Lambda.RuntimeSupport logs an unhandled exception as its ToString() alone
            // (no message): the line's text begins with the exception's type. `LogError(ex, "…")`
            // begins with the application's message, and is an error the application logged.
            if startsWithExceptionType(rest) { kind = .appError }
        case "ERROR", "FATAL":
            if hasPrefix(rest, "Invoke Error") || hasPrefix(rest, "Uncaught Exception") || hasPrefix(rest, "Unhandled Promise Rejection") {
                kind = .appError
            }
        default:
            break
        }
        return ParsedLine(kind: kind, requestId: id.isEmpty ? nil : id, level: level)
    }

    /// The AWS Lambda Java log4j2 layout `%d{yyyy-MM-dd HH:mm:ss} %X{AWSRequestId} %-5p %c{1} - %m`.
    static func javaLog4j(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard bytes.count > 58, TextExportReader.startsWithDate(bytes), bytes[10] == 0x20, bytes[19] == 0x20,
              let (id, end) = token(bytes, from: 20), id.count == 36, id.filter({ $0 == "-" }).count == 4,
              let (level, _) = token(bytes, from: end + 1) else { return nil }
        guard ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"].contains(level) else { return nil }
        return ParsedLine(kind: .app, requestId: id, level: level)
    }

    static func proxyLine(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedLine? {
        guard TextExportReader.startsWithDate(bytes), let space = bytes.firstIndex(of: 0x20),
              space + 2 < bytes.count, bytes[space + 1] == UInt8(ascii: "[") else { return nil }
        guard let timestamp = Timestamp.parse(UnsafeBufferPointer(rebasing: bytes[0..<space])) else { return nil }
        var i = space + 2
        let levelStart = i
        while i < bytes.count, bytes[i] >= UInt8(ascii: "A"), bytes[i] <= UInt8(ascii: "Z") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "]"), i > levelStart else { return nil }
        let level = String(decoding: UnsafeBufferPointer(rebasing: bytes[levelStart..<i]), as: UTF8.self)
        return ParsedLine(kind: .proxy, level: level, proxyTimestamp: timestamp,
                          clientConnection: tagNumber(bytes, "[clientConnection="),
                          dbConnection: tagNumber(bytes, "[dbConnection="))
    }

    static func tagNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: StaticString) -> Int64? {
        guard let base = bytes.baseAddress,
              let hit = proxylens_memmem(base, bytes.count, tag.utf8Start, tag.utf8CodeUnitCount) else { return nil }
        var i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + tag.utf8CodeUnitCount
        var value: Int64 = 0
        var any = false
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, value < Int64.max / 10 {
            value = value * 10 + Int64(bytes[i] - 48)
            i += 1
            any = true
        }
        return any ? value : nil
    }
}
