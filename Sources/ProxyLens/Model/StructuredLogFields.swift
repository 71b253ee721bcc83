/// Where JSON loggers and the Lambda runtimes put an error in a JSON log record, read from each
/// logger's own source: the keys `JSONErrorRecord` reads to give the error the same text as the
/// runtime's or logger's plain-text output would (`Type: message`, the stack trace, the error's
/// own properties as Node's `util.inspect` prints them, `Caused by:` before a cause).
///
/// Without these, a record's error was lost or misread: AWS Lambda Powertools for Python keeps the
/// traceback in `exception`, next to a `message` that says only what the application was doing;
/// pino keeps it in `err`; and the Node runtime's own records (`Invoke Error`, the JSON log
/// format) carry the properties a driver sets (mysqljs's and mysql2's `fatal: true`, pg's `code`)
/// as JSON, where `util.inspect`'s words are what the vocabulary knows.
///
/// Each logger's source, with the commit read and the deciding lines: research/json-loggers.md.
///
/// The order is the order a record is read in: a record's own message first, then the fields
/// that hold an error (the first listed first), then the record's other fields as properties,
/// causes last. A key listed for a role is read in that role, never again as a property; the
/// envelope is never read.
enum StructuredLogFields {
    enum Role: Sendable {
        /// What the application said it was doing (`message`, `msg`): printed first.
        case message
        /// An error, as text (a traceback, a stack trace, Go's `err.Error()`) or as an object
        /// with a type, a message, a stack and its own properties.
        case error
        /// Inside an error object: its type.
        case errorType
        /// Inside an error object: its message.
        case errorMessage
        /// Inside an error object: its stack trace (a string, an array of lines, or log4j2's
        /// array of frames).
        case stack
        /// Inside an error object: the error that caused it, printed after `Caused by: ` so that
        /// its innermost cause is read first (`ErrorClassifier.causesInnermostFirst`).
        case cause
        /// The record's envelope, which says nothing of what failed (time, level, request and
        /// trace ids, process and host, the function's and service's own names): never printed.
        /// Every other field of a record is printed as a property: the code that logged
        /// (`caller`, `logger_name`) and the application's own fields can name the database.
        case envelope
    }

    struct Field: Sendable {
        var key: String
        var role: Role
        /// Who writes it, and where (repository, file, function).
        var loggers: String
        /// Records with a dead connection's error in this field, each as the logger writes it
        /// (formatted by the logger's source; `StructuredLogFieldsTests` holds real records).
        var examples: [String] = []
        /// A phrase (folded) of each example's error that the field holds.
        var errorText: String = ""
    }

    /// The keys of a record's own message, in the order they are read (`ErrorText.body` reads
    /// an application line's message by them; `JSONErrorRecord` its error's).
    static let messageKeys = all.filter { $0.role == .message }.map(\.key)

    static let all: [Field] = [
        // MARK: messages
        Field(key: "message", role: .message,
              loggers: "Lambda runtimes' JSON log format (aws-lambda-nodejs-runtime-interface-client src/LogPatch.js formatJsonMessage; awslambdaric lambda_runtime_log_utils), Powertools, winston, log4j2, logstash-logback-encoder"),
        Field(key: "msg", role: .message,
              loggers: "pino (lib/tools.js asJson: messageKey 'msg'), Go log/slog JSONHandler (slog.MessageKey), zap's production encoder (MessageKey 'msg')"),
        Field(key: "@m", role: .message, loggers: "Serilog.Formatting.Compact RenderedCompactJsonFormatter"),
        Field(key: "event", role: .message, loggers: "structlog JSONRenderer (the event dict's `event`)"),
        Field(key: "Message", role: .message, loggers: "Microsoft.Extensions.Logging.Console JsonConsoleFormatter"),
        Field(key: "RenderedMessage", role: .message, loggers: "Serilog JsonFormatter (renderMessage: true)"),

        // MARK: errors
        // The Node runtime in the JSON log format with one argument: `message` is the error
        // itself, serialised by jsonErrorReplacer (errorType, errorMessage, stackTrace, then the
        // error's own enumerable properties: Object.assign(…, value)). Read as an error when it
        // is an object; as text it is the record's message.
        Field(key: "message", role: .error,
              loggers: "aws-lambda-nodejs-runtime-interface-client src/LogPatch.js jsonErrorReplacer (AWS_LAMBDA_LOG_FORMAT=JSON, console.error(err))",
              examples: [#"{"timestamp":"2026-03-14T09:20:46.970Z","level":"ERROR","requestId":"06157d0f-5e2a-4624-bc41-9751fae381eb","message":{"errorType":"Error","errorMessage":"read ECONNRESET","stackTrace":["Error: read ECONNRESET","    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)"],"errno":-104,"code":"ECONNRESET","syscall":"read","fatal":true}}"#],
              errorText: "fatal: true"),
        // pino-std-serializers lib/err.js: `err` is {type, message, stack, …every enumerable
        // property}; a nested error property is serialised the same way.
        Field(key: "err", role: .error,
              loggers: "pino (pino-std-serializers lib/err.js errSerializer), bunyan (lib/bunyan.js stdSerializers.err: message, name, stack, code, signal)",
              examples: [#"{"level":50,"time":1773480046970,"pid":8,"hostname":"169.254.10.213","err":{"type":"Error","message":"read ECONNRESET","stack":"Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)","errno":-104,"code":"ECONNRESET","syscall":"read","fatal":true},"msg":"read ECONNRESET"}"#],
              errorText: "fatal: true"),
        // Powertools for TypeScript: Logger formatError writes {name, location, message, stack,
        // cause}; zap, zerolog and logrus write err.Error() as text under `error`.
        Field(key: "error", role: .error,
              loggers: "Powertools for AWS Lambda (TypeScript) packages/logger LogFormatter.formatError; uber-go/zap zap.Error; rs/zerolog Err; sirupsen/logrus WithError",
              examples: [#"{"level":"ERROR","message":"query failed","sampling_rate":0,"service":"orders","timestamp":"2026-03-14T09:20:46.970Z","xray_trace_id":"1-65f2c1ae-3b1f5c0d2a8e4b7c9d0e1f2a","error":{"name":"Error","location":"/var/task/node_modules/pg/lib/client.js:132","message":"Connection terminated unexpectedly","stack":"Error: Connection terminated unexpectedly\n    at Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:73)"}}"#],
              errorText: "connection terminated unexpectedly"),
        // Powertools for Python: LambdaPowertoolsFormatter puts the formatted traceback in
        // `exception` (and its class in `exception_name`); structlog's format_exc_info too.
        Field(key: "exception", role: .error,
              loggers: "Powertools for AWS Lambda (Python) logging/formatter.py (exception, exception_name); structlog processors.format_exc_info",
              examples: [#"{"level":"ERROR","location":"handler:12","message":"query failed","timestamp":"2026-03-14 09:20:46,970+0000","service":"orders","cold_start":false,"function_name":"orders","exception":"Traceback (most recent call last):\n  File \"/var/task/app.py\", line 10, in handler\n    cur.execute(sql)\npsycopg2.OperationalError: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.","exception_name":"OperationalError"}"#],
              errorText: "server closed the connection unexpectedly"),
        Field(key: "exc_info", role: .error, loggers: "python-json-logger (jsonlogger.JsonFormatter: record.exc_info formatted by formatException)",
              examples: [#"{"asctime": "2026-03-14 09:20:46,970", "levelname": "ERROR", "message": "query failed", "exc_info": "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 10, in handler\n    cursor.execute(sql)\npymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')"}"#],
              errorText: "lost connection to mysql server during query"),
        Field(key: "thrown", role: .error, loggers: "log4j2 JsonLayout (ThrowableProxy: name, message, localizedMessage, extendedStackTrace, cause)"),
        Field(key: "@x", role: .error, loggers: "Serilog.Formatting.Compact CompactJsonFormatter (exception.ToString())"),
        Field(key: "Exception", role: .error, loggers: "Serilog JsonFormatter; Microsoft.Extensions.Logging.Console JsonConsoleFormatter"),
        Field(key: "errorVerbose", role: .error, loggers: "uber-go/zap zapcore/error.go encodeError (the %+v text of an error that formats itself)"),
        Field(key: "errorCauses", role: .error, loggers: "uber-go/zap zapcore/error.go encodeError (an array of {error} for an error with Errors(), multierr)"),

        // MARK: inside an error object
        Field(key: "errorType", role: .errorType, loggers: "Lambda runtimes' error records (Node src/Errors.js, awslambdaric, the Java runtime)"),
        Field(key: "type", role: .errorType, loggers: "pino-std-serializers lib/err.js"),
        Field(key: "name", role: .errorType, loggers: "Powertools (TypeScript) formatError; bunyan; log4j2 ThrowableProxy"),
        Field(key: "exception_name", role: .errorType, loggers: "Powertools (Python) formatter.py"),
        Field(key: "exc_type", role: .errorType, loggers: "structlog dict_tracebacks (an array of {exc_type, exc_value, frames}, the outermost first)"),
        Field(key: "errorMessage", role: .errorMessage, loggers: "Lambda runtimes' error records"),
        Field(key: "message", role: .errorMessage, loggers: "pino, bunyan, Powertools (TypeScript), log4j2 ThrowableProxy"),
        Field(key: "exc_value", role: .errorMessage, loggers: "structlog dict_tracebacks"),
        Field(key: "stack", role: .stack, loggers: "Node runtime toFormatted (array), pino and bunyan (string), winston format.errors({ stack: true }) (string)"),
        Field(key: "stackTrace", role: .stack, loggers: "Node runtime JSON log format, awslambdaric, the Java runtime"),
        Field(key: "trace", role: .stack, loggers: "Node runtime toRapidResponse"),
        // A stack trace at a record's top makes the record an error (JSONErrorRecord.isError): its
        // message is the error's, the trace follows.
        Field(key: "stack_trace", role: .stack, loggers: "logstash-logback-encoder StackTraceJsonProvider (FIELD_STACK_TRACE); Elastic Common Schema's nested error object",
              examples: [#"{"@timestamp":"2026-03-14T09:20:46.970Z","@version":"1","message":"Failed to obtain JDBC Connection","logger_name":"com.example.Handler","thread_name":"main","level":"ERROR","level_value":40000,"stack_trace":"org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection\n\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)\nCaused by: org.postgresql.util.PSQLException: This connection has been closed.\n\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)"}"#],
              errorText: "this connection has been closed"),
        Field(key: "extendedStackTrace", role: .stack, loggers: "log4j2 JsonLayout ThrowableProxy"),
        Field(key: "cause", role: .cause, loggers: "Powertools (TypeScript) formatError; log4j2 ThrowableProxy; the Java runtime's error response"),

        // MARK: envelopes
        Field(key: "timestamp", role: .envelope, loggers: "Lambda JSON log format, Powertools"),
        Field(key: "time", role: .envelope, loggers: "pino, bunyan"),
        Field(key: "@timestamp", role: .envelope, loggers: "logstash-logback-encoder, ECS"),
        Field(key: "@version", role: .envelope, loggers: "logstash-logback-encoder"),
        Field(key: "level", role: .envelope, loggers: "every JSON logger"),
        Field(key: "log_level", role: .envelope, loggers: "awslambdaric's unhandled-error record"),
        Field(key: "ts", role: .envelope, loggers: "uber-go/zap"),
        Field(key: "level_value", role: .envelope, loggers: "logstash-logback-encoder"),
        Field(key: "asctime", role: .envelope, loggers: "python-json-logger (the %(asctime)s of its format)"),
        Field(key: "levelname", role: .envelope, loggers: "python-json-logger"),
        Field(key: "requestId", role: .envelope, loggers: "Lambda JSON log format"),
        Field(key: "AWSRequestId", role: .envelope, loggers: "Lambda Java runtime JSON log format"),
        Field(key: "pid", role: .envelope, loggers: "pino, bunyan"),
        Field(key: "hostname", role: .envelope, loggers: "pino, bunyan"),
        Field(key: "v", role: .envelope, loggers: "bunyan"),
        Field(key: "service", role: .envelope, loggers: "Powertools"),
        Field(key: "cold_start", role: .envelope, loggers: "Powertools"),
        Field(key: "function_name", role: .envelope, loggers: "Powertools"),
        Field(key: "function_arn", role: .envelope, loggers: "Powertools"),
        Field(key: "function_request_id", role: .envelope, loggers: "Powertools"),
        Field(key: "xray_trace_id", role: .envelope, loggers: "Powertools"),
        Field(key: "sampling_rate", role: .envelope, loggers: "Powertools"),
        // The Lambda context object's own fields, which applications add to their records
        // (`logger.exception(..., extra=vars(context))`): the function's names, never the error's.
        // Python: docs.aws.amazon.com/lambda/latest/dg/python-context.html; Node.js: nodejs-context.html.
        Field(key: "aws_request_id", role: .envelope, loggers: "Lambda context (Python)"),
        Field(key: "function_version", role: .envelope, loggers: "Lambda context (Python)"),
        Field(key: "invoked_function_arn", role: .envelope, loggers: "Lambda context (Python)"),
        Field(key: "memory_limit_in_mb", role: .envelope, loggers: "Lambda context (Python)"),
        Field(key: "log_group_name", role: .envelope, loggers: "Lambda context (Python)"),
        Field(key: "log_stream_name", role: .envelope, loggers: "Lambda context (Python)"),
        Field(key: "awsRequestId", role: .envelope, loggers: "Lambda context (Node.js)"),
        Field(key: "functionName", role: .envelope, loggers: "Lambda context (Node.js)"),
        Field(key: "functionVersion", role: .envelope, loggers: "Lambda context (Node.js)"),
        Field(key: "invokedFunctionArn", role: .envelope, loggers: "Lambda context (Node.js)"),
        Field(key: "memoryLimitInMB", role: .envelope, loggers: "Lambda context (Node.js)"),
        Field(key: "logGroupName", role: .envelope, loggers: "Lambda context (Node.js)"),
        Field(key: "logStreamName", role: .envelope, loggers: "Lambda context (Node.js)"),
        Field(key: "thread_name", role: .envelope, loggers: "logstash-logback-encoder"),
        // Elastic Common Schema (log4j2 EcsLayout, the default of JsonTemplateLayout; ecs-logging):
        // dotted keys. Its `error.type`, `error.message` and `error.stack_trace` are read as the
        // record's other fields are, the stack trace whole.
        Field(key: "log.level", role: .envelope, loggers: "Elastic Common Schema"),
        Field(key: "ecs.version", role: .envelope, loggers: "Elastic Common Schema"),
        Field(key: "service.name", role: .envelope, loggers: "Elastic Common Schema"),
        Field(key: "process.thread.name", role: .envelope, loggers: "Elastic Common Schema"),
    ]
}
