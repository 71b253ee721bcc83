import Foundation
import Testing
@testable import ProxyLens

/// `StructuredLogFields` and `JSONErrorRecord`: an error in a JSON log record (the Node runtime's
/// own records, pino, Powertools, python-json-logger, logstash-logback-encoder, …) reads as the
/// same error printed as text.
@Suite("JSON loggers' error fields")
struct StructuredLogFieldsTests {
    static let withExamples = StructuredLogFields.all.filter { !$0.examples.isEmpty }

    /// What proxylens read of a JSON record before `StructuredLogFields` (ErrorChoice.readable at
    /// 654f3c5): a runtime's `errorType: errorMessage` and stack frames, else the `message`, else
    /// the whole line.
    static func readBefore(_ line: String) -> String {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            var parts: [String] = []
            let type = object["errorType"] as? String
            let message = object["errorMessage"] as? String ?? object["message"] as? String
            if let type, let message, !message.isEmpty { parts.append("\(type): \(message)") } else if let message { parts.append(message) } else if let type { parts.append(type) }
            for key in ["stackTrace", "stack", "trace"] { if let frames = object[key] as? [String] { parts.append(contentsOf: frames) } }
            if !parts.isEmpty { return parts.joined(separator: "\n") }
        }
        let firstLine = text.prefix { $0 != "\n" }
        return firstLine.filter { $0 == "\t" }.count >= 3 ? ErrorText.body(ofAppLine: line) : text
    }

    @Test("each field's example holds its error's own text once read, once", arguments: withExamples.map(\.key))
    func readByOwnField(key: String) {
        let field = Self.withExamples.first { $0.key == key }!
        for example in field.examples {
            let text = SignatureRule.fold(ErrorChoice.readable(example))
            #expect(text.components(separatedBy: field.errorText).count == 2, "\(key): \(text)")
        }
    }

    /// Every example holds a dead connection's error (the fields' own list says so).
    @Test("each field's example reads as the dead connection it holds, which the reader before this list did not", arguments: withExamples.map(\.key))
    func examplesClassified(key: String) {
        let field = Self.withExamples.first { $0.key == key }!
        let classifier = ErrorClassifier()
        for example in field.examples {
            #expect(classifier.classify(ErrorChoice.readable(example))?.signal == .staleConnection, "\(key)")
            #expect(classifier.classify(Self.readBefore(example))?.signal != .staleConnection, "\(key)")
        }
    }

    @Test("every field names who writes it; a key has one entry per role")
    func fieldsDocumented() {
        #expect(StructuredLogFields.all.allSatisfy { !$0.loggers.isEmpty })
        #expect(Self.withExamples.allSatisfy { !$0.errorText.isEmpty && $0.errorText == SignatureRule.fold($0.errorText) })
        let pairs = StructuredLogFields.all.map { "\($0.key)/\($0.role)" }
        #expect(Set(pairs).count == pairs.count)
        // A key read in two roles would be read twice; only `message` is both a record's text and
        // (as an object) the Node runtime's error, which JSONErrorRecord.errorValue tells apart.
        let errorKeys = Set(StructuredLogFields.all.filter { $0.role == .error }.map(\.key))
        let insideKeys = Set(StructuredLogFields.all.filter { [.errorType, .errorMessage, .stack, .cause].contains($0.role) }.map(\.key))
        #expect(errorKeys.intersection(insideKeys) == ["message"])
    }

    /// mysql2's socket error as Node's util.inspect prints it (`console.error(err)`), and as the
    /// runtime and pino write the same error object (the properties mysql2 sets in
    /// lib/base/connection.js `_handleFatalError`: `err.fatal = true`, and Node's own errno,
    /// code and syscall).
    static let inspected = "2026-03-14T09:20:46.970Z\t06157d0f-5e2a-4624-bc41-9751fae381eb\tERROR\tError: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20) {\n  errno: -104,\n  code: 'ECONNRESET',\n  syscall: 'read',\n  fatal: true\n}\n"
    static let sameErrorAsRecords = [
        // Thrown from the handler, text log format (src/Errors.js toFormatted).
        "2026-03-14T09:20:46.970Z\t06157d0f-5e2a-4624-bc41-9751fae381eb\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"read ECONNRESET\",\"code\":\"ECONNRESET\",\"errno\":-104,\"syscall\":\"read\",\"fatal\":true,\"stack\":[\"Error: read ECONNRESET\",\"    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)\"]}\n",
        // A rejected promise nobody awaited: the error is the `reason`.
        "2026-03-14T09:20:46.970Z\t06157d0f-5e2a-4624-bc41-9751fae381eb\tERROR\tUnhandled Promise Rejection \t{\"errorType\":\"Runtime.UnhandledPromiseRejection\",\"errorMessage\":\"Error: read ECONNRESET\",\"reason\":{\"errorType\":\"Error\",\"errorMessage\":\"read ECONNRESET\",\"code\":\"ECONNRESET\",\"errno\":-104,\"syscall\":\"read\",\"fatal\":true,\"stack\":[\"Error: read ECONNRESET\",\"    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)\"]},\"promise\":{},\"stack\":[\"Runtime.UnhandledPromiseRejection: Error: read ECONNRESET\",\"    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)\"]}\n",
        // The JSON log format, console.error(err) (src/LogPatch.js jsonErrorReplacer).
        #"{"timestamp":"2026-03-14T09:20:46.970Z","level":"ERROR","requestId":"06157d0f-5e2a-4624-bc41-9751fae381eb","message":{"errorType":"Error","errorMessage":"read ECONNRESET","stackTrace":["Error: read ECONNRESET","    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)"],"errno":-104,"code":"ECONNRESET","syscall":"read","fatal":true}}"#,
        // pino's `err` (pino-std-serializers lib/err.js).
        #"{"level":50,"time":1773480046970,"pid":8,"hostname":"169.254.10.213","err":{"type":"Error","message":"read ECONNRESET","stack":"Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)","errno":-104,"code":"ECONNRESET","syscall":"read","fatal":true},"msg":"read ECONNRESET"}"#,
    ]

    @Test("a driver's error reads the same printed by console.error, thrown to the runtime, logged in the JSON format or by pino")
    func sameErrorSameVerdict() throws {
        let classifier = ErrorClassifier()
        let expected = try #require(classifier.classify(ErrorChoice.readable(Self.inspected)))
        #expect(expected.signal == .staleConnection)
        for record in Self.sameErrorAsRecords {
            let verdict = classifier.classify(ErrorChoice.readable(record))
            #expect(verdict?.signal == expected.signal && verdict?.rule == expected.rule, "\(record.prefix(80)): \(verdict?.rule ?? "unclassified")")
        }
    }

    @Test("a record's envelope is not read: a service or function named after Redis does not hide the database error")
    func envelopeNotRead() {
        let record = #"{"level":"ERROR","location":"handler:12","message":"order sync failed","timestamp":"2026-03-14 09:20:46,970+0000","service":"redis-order-sync","cold_start":false,"function_name":"redis-order-sync","exception":"Traceback (most recent call last):\n  File \"/var/task/app.py\", line 10, in handler\n    cur.execute(sql)\npsycopg2.OperationalError: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.","exception_name":"OperationalError"}"#
        let text = ErrorChoice.readable(record)
        #expect(!text.contains("redis"))
        #expect(ErrorClassifier().classify(text)?.signal == .staleConnection)
        // The Python runtime's JSON record with the Lambda context added as extras.
        let runtime = #"{"timestamp":"2026-03-14T09:20:46Z","level":"ERROR","message":"order sync failed","logger":"root","requestId":"06157d0f-5e2a-4624-bc41-9751fae381eb","errorType":"OperationalError","errorMessage":"server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n","stackTrace":["  File \"/var/task/app.py\", line 10, in handler\n    cur.execute(sql)\n"],"function_name":"redis-order-sync","log_group_name":"/aws/lambda/redis-order-sync","log_stream_name":"2026/03/14/[$LATEST]0123456789abcdef0123456789abcdef","invoked_function_arn":"arn:aws:lambda:eu-west-1:730335218964:function:redis-order-sync","aws_request_id":"06157d0f-5e2a-4624-bc41-9751fae381eb"}"#
        let runtimeText = ErrorChoice.readable(runtime)
        #expect(!runtimeText.contains("redis"), "\(runtimeText)")
        #expect(ErrorClassifier().classify(runtimeText)?.signal == .staleConnection)
    }

    @Test("causes are read innermost first: a log4j2 `thrown` and a Powertools `cause` nest the driver's error")
    func nestedCauses() {
        let log4j2 = #"{"instant":{"epochSecond":1773480046,"nanoOfSecond":970000000},"thread":"main","level":"ERROR","loggerName":"com.example.Handler","message":"order lookup failed","thrown":{"commonElementCount":0,"localizedMessage":"Failed to obtain JDBC Connection","message":"Failed to obtain JDBC Connection","name":"org.springframework.jdbc.CannotGetJdbcConnectionException","cause":{"commonElementCount":0,"localizedMessage":"This connection has been closed.","message":"This connection has been closed.","name":"org.postgresql.util.PSQLException","extendedStackTrace":[{"class":"org.postgresql.jdbc.PgConnection","method":"checkClosed","file":"PgConnection.java","line":917,"exact":false,"location":"postgresql-42.7.3.jar","version":"42.7.3"}]},"extendedStackTrace":[{"class":"org.springframework.jdbc.datasource.DataSourceUtils","method":"getConnection","file":"DataSourceUtils.java","line":84,"exact":false,"location":"spring-jdbc-6.1.5.jar","version":"6.1.5"}]},"endOfBatch":false,"loggerFqcn":"org.apache.logging.log4j.spi.AbstractLogger","threadId":1,"threadPriority":5}"#
        let text = ErrorChoice.readable(log4j2)
        #expect(text.contains("Caused by: org.postgresql.util.PSQLException: This connection has been closed.\n\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)"), "\(text)")
        // The wrapper alone says only that a connection could not be had; the cause decides.
        #expect(ErrorClassifier().classify(text)?.signal == .staleConnection, "\(text)")
    }

    @Test("a record with neither a message nor an error field keeps every field's words, its envelope aside")
    func unknownRecordFields() {
        let record = #"{"time":"2026-03-14T09:20:46.970Z","lvl":"E","err_details":"failed to get Post: pq: canceling statement due to user request","caller":"sqlstore/post_store.go:1204"}"#
        let text = ErrorChoice.readable(record)
        #expect(text.contains("err_details: 'failed to get Post: pq: canceling statement due to user request'"), "\(text)")
        #expect(text.contains("caller: 'sqlstore/post_store.go:1204'") && !text.contains("2026-03-14"), "\(text)")
        #expect(ErrorClassifier().classify(text)?.signal == ErrorClassifier().classify(record)?.signal)
    }

    struct RealRecord: Decodable {
        var logger: String
        var line: String
        var source: String
        var prefix_published: Bool
        var reads: [String]
        var label: String?
    }

    static let realRecords: [RealRecord] = {
        guard let text = try? String(contentsOfFile: Fixture.samples("errors/json-records.ndjson"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(RealRecord.self, from: Data($0.utf8)) }
    }()

    @Test("real records from public sources: the error, its properties and its causes are read, and get their cause")
    func realRecordsRead() {
        #expect(Self.realRecords.count == 11)
        #expect(Self.realRecords.allSatisfy { $0.source.hasPrefix("https://") })
        let classifier = ErrorClassifier()
        for record in Self.realRecords {
            // A record published without the export's prefix is read from its JSON, as the
            // runtime's words before it (`Invoke Error \t`) are read in an export.
            let text: String
            if record.prefix_published {
                text = ErrorChoice.readable(record.line)
            } else {
                let json = record.line.firstIndex(of: "{").map { String(record.line[$0...]) } ?? record.line
                text = JSONErrorRecord.standard.text(of: json) ?? record.line
            }
            for phrase in record.reads {
                #expect(text.contains(phrase), "\(record.logger) \(record.source): no \(phrase) in \(text.prefix(300))")
            }
            if let label = record.label {
                let got = RealWorldErrorTests.cause(classifier.classify(text), text: text)
                #expect(got == label, "\(record.logger) \(record.source): \(got)")
            }
        }
    }

    /// A Node function's stream as `filter-log-events` gives it: a cold invocation, then 40
    /// minutes idle (past RDS Proxy's default IdleClientTimeout of 30), then one whose mysql2
    /// query finds its connection reset: pino logs the error, the handler rethrows it.
    static func warmAfterIdle(errorLines: [String]) -> String {
        let first = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", second = "3f6b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
        let start = 1_773_482_400_000, later = start + 40 * 60 * 1000
        var events: [(Int, String)] = [
            (start, "START RequestId: \(first) Version: $LATEST\n"),
            (start + 40, "END RequestId: \(first)\n"),
            (start + 41, "REPORT RequestId: \(first)\tDuration: 38.20 ms\tBilled Duration: 39 ms\tMemory Size: 512 MB\tMax Memory Used: 81 MB\tInit Duration: 212.40 ms\t\n"),
            (later, "START RequestId: \(second) Version: $LATEST\n"),
        ]
        for (index, line) in errorLines.enumerated() { events.append((later + 5 + index, line.replacingOccurrences(of: "REQUEST", with: second))) }
        events += [
            (later + 20, "END RequestId: \(second)\n"),
            (later + 21, "REPORT RequestId: \(second)\tDuration: 14.90 ms\tBilled Duration: 15 ms\tMemory Size: 512 MB\tMax Memory Used: 81 MB\tStatus: error\tError Type: Error\n"),
        ]
        return page(events)
    }

    static let stream = "2026/03/14/[$LATEST]0123456789abcdef0123456789abcdef"

    /// A `filter-log-events` page of one stream's events (time in ms, message).
    static func page(_ events: [(Int, String)]) -> String {
        let json = events.enumerated().map { index, event in
            let message = String(data: try! JSONSerialization.data(withJSONObject: [event.1], options: [.withoutEscapingSlashes]), encoding: .utf8)!.dropFirst().dropLast()
            return #"{"logStreamName":"\#(stream)","timestamp":\#(event.0),"message":\#(message),"ingestionTime":\#(event.0 + 500),"eventId":"3700000000000000000000000000000000000000000000000000000\#(index)"}"#
        }
        return #"{"events":["# + json.joined(separator: ",") + #"],"searchedLogStreams":[]}"#
    }

    /// The page ingested as one function's log group and classified, in memory.
    static func classified(_ page: String, function: String = "orders-api") throws -> (Database, [(String, IngestIssue)]) {
        let path = try Fixture.write(page, to: "\(function).json", in: try Fixture.temporaryFolder())
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([path], into: database, options: IngestOptions(logGroup: "/aws/lambda/\(function)"))
        _ = try Classifier(database: database).run()
        return (database, issues)
    }

    @Test("end to end: a warm instance's reset connection, logged by pino and rethrown to the runtime, is a stale connection")
    func endToEnd() throws {
        let pino = #"{"level":50,"time":1773484800005,"pid":8,"hostname":"169.254.10.213","err":{"type":"Error","message":"read ECONNRESET","stack":"Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)","errno":-104,"code":"ECONNRESET","syscall":"read","fatal":true},"msg":"order lookup failed"}"# + "\n"
        let thrown = "2026-03-14T10:40:00.006Z\tREQUEST\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"read ECONNRESET\",\"code\":\"ECONNRESET\",\"errno\":-104,\"syscall\":\"read\",\"fatal\":true,\"stack\":[\"Error: read ECONNRESET\",\"    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)\"]}\n"
        for lines in [[pino, thrown], [thrown], [pino]] {
            let (database, issues) = try Self.classified(Self.warmAfterIdle(errorLines: lines))
            #expect(issues.isEmpty, "\(issues)")
            let rows = try database.rows("SELECT cause, rule FROM failure")
            #expect(rows.count == 1)
            #expect(rows.first?[0].string == "stale-connection", "\(lines.count) lines: \(rows.first?[1].string ?? "-")")
            #expect(rows.first?[1].string?.contains("+idle-over-IdleClientTimeout") == true, "\(rows.first?[1].string ?? "-")")
        }
    }

    @Test("pino's numeric levels are levels: an info line about the database is not taken for the error the runtime reported")
    func pinoLevels() throws {
        let info = #"{"level":30,"time":1773484800005,"pid":8,"hostname":"169.254.10.213","msg":"order lookup query took 3 ms"}"# + "\n"
        let thrown = "2026-03-14T10:40:00.006Z\tREQUEST\tERROR\tInvoke Error \t{\"errorType\":\"AxiosError\",\"errorMessage\":\"Request failed with status code 500\",\"code\":\"ERR_BAD_RESPONSE\",\"stack\":[\"AxiosError: Request failed with status code 500\",\"    at settle (/var/task/node_modules/axios/dist/node/axios.cjs:2019:12)\"]}\n"
        let (database, _) = try Self.classified(Self.warmAfterIdle(errorLines: [info, thrown]))
        let rows = try database.rows("SELECT cause, message FROM failure")
        #expect(rows.count == 1)
        #expect(rows.first?[0].string == "unclassified")
        #expect(rows.first?[1].string?.hasPrefix("AxiosError: Request failed with status code 500") == true, "\(rows.first?[1].string ?? "-")")
        #expect(try database.scalar("SELECT count(*) FROM event WHERE level = 'INFO' AND message LIKE '{\"level\":30%'").int == 1)
    }

    /// The Java runtime's unhandled-error text (UserFault.reportableError: `<message>: <class>`,
    /// then printStackTrace) for a handler's RuntimeException over Spring's JdbcTemplate over
    /// PgJDBC over a reset socket: the root cause comes after 70 frames, past the first 4,000
    /// characters deriving keeps of an error line.
    static let javaTrace: String = {
        var frames: [String] = []
        for depth in 0..<35 {
            frames.append("\tat com.example.orders.OrderRepository.lookup\(depth)(OrderRepository.java:\(40 + depth))")
            frames.append("\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:\(651 + depth))")
        }
        return "order lookup failed: java.lang.RuntimeException\njava.lang.RuntimeException: order lookup failed\n" + frames.joined(separator: "\n")
            + "\nCaused by: org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; SQL [select * from orders where id = ?]; An I/O error occurred while sending to the backend."
            + "\n\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:105)"
            + "\nCaused by: org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend."
            + "\n\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)"
            + "\nCaused by: java.net.SocketException: Connection reset\n\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:328)\n"
    }()

    @Test("an invocation's only error line is read whole: a Java trace's root cause past 4,000 characters decides")
    func wholeOwnErrorLine() throws {
        #expect(Self.javaTrace.utf8.count > 4_000 && !Self.javaTrace.prefix(4_000).contains("PSQLException"))
        let (database, _) = try Self.classified(Self.warmAfterIdle(errorLines: [Self.javaTrace]))
        let rows = try database.rows("SELECT cause, rule FROM failure")
        #expect(rows.count == 1)
        #expect(rows.first?[0].string == "stale-connection", "\(rows.first?[1].string ?? "-")")
    }

    @Test("a timeout after a pino line: its message is the invocation's last activity, and a call to another service is seen as one")
    func pinoLastActivity() throws {
        let id = "3f6b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
        let (database, _) = try Self.classified(Self.page([
            (1_773_482_400_000, "START RequestId: \(id) Version: $LATEST\n"),
            (1_773_482_400_004, #"{"level":30,"time":1773482400004,"pid":8,"hostname":"169.254.10.213","msg":"calling https://pricing.internal/v2/quote"}"# + "\n"),
            (1_773_482_406_001, "2026-03-14T10:00:06.001Z \(id) Task timed out after 6.00 seconds\n\n"),
            (1_773_482_406_002, "END RequestId: \(id)\n"),
            (1_773_482_406_003, "REPORT RequestId: \(id)\tDuration: 6000.00 ms\tBilled Duration: 6000 ms\tMemory Size: 512 MB\tMax Memory Used: 81 MB\tStatus: timeout\n"),
        ]), function: "quotes")
        let rows = try database.rows("SELECT cause, rule, detail FROM failure")
        #expect(rows.count == 1)
        #expect(rows.first?[0].string == "unclassified")
        #expect(rows.first?[2].string == "last activity: calling https://pricing.internal/v2/quote", "\(rows.first?[2].string ?? "-")")
        #expect(try CorrelationContext.looksLikeDownstreamCall(database.scalar("SELECT last_activity FROM invocation").string ?? ""))
    }

    @Test("an Elastic Common Schema record (log4j2's EcsLayout): its dotted error fields are read, the root cause first")
    func ecsRecord() {
        let record = #"{"@timestamp":"2026-03-14T10:40:00.006Z","ecs.version":"1.2.0","log.level":"ERROR","message":"order lookup failed","process.thread.name":"main","log.logger":"com.example.orders.Handler","service.name":"redis-order-sync","error.type":"org.springframework.dao.DataAccessResourceFailureException","error.message":"PreparedStatementCallback; An I/O error occurred while sending to the backend.","error.stack_trace":"org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; An I/O error occurred while sending to the backend.\n\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:651)\nCaused by: org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.\nCaused by: java.net.SocketException: Connection reset"}"#
        let text = ErrorChoice.readable(record)
        #expect(text.hasPrefix("order lookup failed\n"), "\(text)")
        #expect(text.contains("\nCaused by: java.net.SocketException: Connection reset") && !text.contains("redis"), "\(text)")
        #expect(ErrorClassifier().classify(text)?.signal == .staleConnection)
    }

    @Test("a record after Go's log prefix, or after the Python runtime's banner and a carriage return, is read as a record")
    func recordAfterPrefix() {
        // aws-lambda-go's error record as the log package prints it (aws/aws-lambda-go#416).
        #expect(ErrorChoice.readable(#"2021/12/08 12:33:00 {"errorMessage":"driver: bad connection","errorType":"errorString"}"#) == "errorString: driver: bad connection")
        #expect(ErrorChoice.readable("LAMBDA_WARNING: Unhandled exception.\r{\"timestamp\": \"2024-06-17T17:23:55Z\", \"log_level\": \"ERROR\", \"errorMessage\": \"server closed the connection unexpectedly\", \"errorType\": \"OperationalError\", \"stackTrace\": []}\n")
                == "OperationalError: server closed the connection unexpectedly")
        // A carriage return before anything but a record, and a digit-led line with its brace far in, stay as they are.
        #expect(ErrorChoice.readable("line one\rline two {not json}") == "line one\rline two {not json}")
        #expect(ErrorChoice.readable("2026-03-14 10:00:00,000 ERROR query failed for payload {\"id\": 7}") == "2026-03-14 10:00:00,000 ERROR query failed for payload {\"id\": 7}")
    }
}
