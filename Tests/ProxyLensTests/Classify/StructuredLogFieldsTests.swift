import Foundation
import Testing
@testable import ProxyLens

/// `StructuredLogFields` and `JSONErrorRecord`: an error in a JSON log record (the Node runtime's
/// own records, pino, Powertools, python-json-logger, logstash-logback-encoder, …) reads as the
/// same error printed as text.
@Suite("JSON loggers' error fields")
struct StructuredLogFieldsTests {
    static let withExamples = StructuredLogFields.all.filter { !$0.examples.isEmpty }

    /// What proxylens read of a JSON record before this list: a runtime's `errorType`,
    /// `errorMessage` and stack frames, else the `message`, else the whole line.
    static let before = JSONErrorRecord(fields: StructuredLogFields.all.filter {
        $0.role == .message ? $0.key == "message" : ["errorType", "errorMessage", "message", "stackTrace", "stack", "trace"].contains($0.key) && $0.role != .error
    })

    @Test("each field's example is read by that field: its error is in the text, and is not without the field", arguments: withExamples.map(\.key))
    func readByOwnField(key: String) {
        let field = Self.withExamples.first { $0.key == key }!
        let without = JSONErrorRecord(fields: StructuredLogFields.all.filter { $0.key != field.key })
        for example in field.examples {
            #expect(SignatureRule.fold(ErrorChoice.readable(example)).contains(field.errorText), "\(key): \(ErrorChoice.readable(example))")
            #expect(!SignatureRule.fold(ErrorChoice.readable(example, records: without)).contains(field.errorText), "\(key)")
        }
    }

    /// Every example holds a dead connection's error (the fields' own list says so).
    @Test("each field's example reads as the dead connection it holds, which the record's message alone did not say", arguments: withExamples.map(\.key))
    func examplesClassified(key: String) {
        let field = Self.withExamples.first { $0.key == key }!
        let classifier = ErrorClassifier()
        for example in field.examples {
            #expect(classifier.classify(ErrorChoice.readable(example))?.signal == .staleConnection, "\(key)")
            #expect(classifier.classify(ErrorChoice.readable(example, records: Self.before))?.signal != .staleConnection, "\(key)")
        }
    }

    @Test("every field names who writes it; a key has one entry per role")
    func fieldsDocumented() {
        #expect(StructuredLogFields.all.allSatisfy { !$0.loggers.isEmpty })
        #expect(Self.withExamples.allSatisfy { !$0.errorText.isEmpty && $0.errorText == SignatureRule.fold($0.errorText) })
        let pairs = StructuredLogFields.all.map { "\($0.key)/\($0.role)" }
        #expect(Set(pairs).count == pairs.count)
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
    }

    @Test("causes are read innermost first: a log4j2 `thrown` and a Powertools `cause` nest the driver's error")
    func nestedCauses() {
        let log4j2 = #"{"instant":{"epochSecond":1773480046,"nanoOfSecond":970000000},"thread":"main","level":"ERROR","loggerName":"com.example.Handler","message":"order lookup failed","thrown":{"commonElementCount":0,"localizedMessage":"Failed to obtain JDBC Connection","message":"Failed to obtain JDBC Connection","name":"org.springframework.jdbc.CannotGetJdbcConnectionException","cause":{"commonElementCount":0,"localizedMessage":"This connection has been closed.","message":"This connection has been closed.","name":"org.postgresql.util.PSQLException","extendedStackTrace":[{"class":"org.postgresql.jdbc.PgConnection","method":"checkClosed","file":"PgConnection.java","line":917,"exact":false,"location":"postgresql-42.7.3.jar","version":"42.7.3"}]},"extendedStackTrace":[{"class":"org.springframework.jdbc.datasource.DataSourceUtils","method":"getConnection","file":"DataSourceUtils.java","line":84,"exact":false,"location":"spring-jdbc-6.1.5.jar","version":"6.1.5"}]},"endOfBatch":false,"loggerFqcn":"org.apache.logging.log4j.spi.AbstractLogger","threadId":1,"threadPriority":5}"#
        let text = ErrorChoice.readable(log4j2)
        #expect(text.contains("Caused by: org.postgresql.util.PSQLException: This connection has been closed.\n\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)"), "\(text)")
        // The wrapper alone says only that a connection could not be had; the cause decides.
        #expect(ErrorClassifier().classify(text)?.signal == .staleConnection, "\(text)")
    }

    @Test("a record with neither a message nor an error field is read whole, as before")
    func unknownRecordWhole() {
        let record = #"{"lvl":"E","text":"Connection terminated unexpectedly"}"#
        #expect(ErrorChoice.readable(record) == record)
    }
}
