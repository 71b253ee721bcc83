import Foundation

/// A JSON log record read as the text its error would have in plain-text output, by the fields
/// of `StructuredLogFields`: the record's message, then each error as `Type: message` and its
/// stack trace, its own properties one per line as Node's `util.inspect` prints them
/// (`  code: 'ECONNRESET'`, `  fatal: true`), the record's other fields the same way (its
/// envelope aside), and each cause after `Caused by: `.
/// So a driver's error reads the same whether the application printed it with
/// `console.error(err)`, threw it to the runtime, or handed it to a JSON logger.
struct JSONErrorRecord: Sendable {
    /// The Node runtime's prefixes before the JSON of an error it reports (src/index.mjs,
    /// src/Runtime.js: `console.error('Invoke Error', Errors.toFormatted(error))`, and the
    /// process-level handlers): util.format puts a space, toFormatted a tab, before the JSON.
    static let runtimePrefixes = ["Invoke Error", "Uncaught Exception", "Unhandled Promise Rejection"]
    /// JSONSerialization's true and false (`is Bool` also holds for the number 1).
    static let booleanType = type(of: NSNumber(value: true))
    /// Records nest errors in errors; deeper than this is a cycle a logger broke or noise.
    static let maximumDepth = 8
    /// An object with one of these and a message is an error itself (pino's `type`, bunyan's and
    /// Powertools' `name`); Powertools' `exception_name` and ECS's `error.type` name the type of
    /// an error the record holds elsewhere.
    static let ownTypeKeys = ["errorType", "type", "name", "exc_type"]

    static let standard = JSONErrorRecord(fields: StructuredLogFields.all)

    let messageKeys: [String]
    let errorKeys: [String]
    let typeKeys: [String]
    let errorMessageKeys: [String]
    let stackKeys: [String]
    let causeKeys: [String]
    let envelopeKeys: Set<String>
    /// Keys an error object's own reading consumes: never printed again as properties.
    let readKeys: Set<String>

    init(fields: [StructuredLogFields.Field]) {
        func keys(_ role: StructuredLogFields.Role) -> [String] { fields.filter { $0.role == role }.map(\.key) }
        messageKeys = keys(.message)
        errorKeys = keys(.error)
        typeKeys = keys(.errorType)
        errorMessageKeys = keys(.errorMessage)
        stackKeys = keys(.stack)
        causeKeys = keys(.cause)
        envelopeKeys = Set(keys(.envelope))
        readKeys = Set(errorKeys + typeKeys + errorMessageKeys + stackKeys + causeKeys)
    }

    /// The text of `line` when it is a JSON record (or a Node runtime prefix and one) holding a
    /// message or an error; nil otherwise.
    func text(of line: String) -> String? {
        var json = Substring(line)
        if !json.hasPrefix("{") {
            guard let prefix = Self.runtimePrefixes.first(where: { line.hasPrefix($0) }) else { return nil }
            json = json.dropFirst(prefix.count).drop { $0.isWhitespace }
            guard json.hasPrefix("{") else { return nil }
        }
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return text(ofRecord: object)
    }

    /// The text of a parsed record; nil when it has neither a message nor an error.
    func text(ofRecord record: [String: Any]) -> String? {
        var lines: [String] = []
        if isError(record) {
            appendError(record, top: true, depth: 0, to: &lines)
        } else {
            for key in messageKeys { if let message = record[key] as? String, !message.isEmpty { lines.append(message) } }
            for key in errorKeys { appendErrorValue(errorValue(record, key), depth: 0, to: &lines) }
            // The application's own fields (Mattermost's `err_details`, a `query` it logged, the
            // `caller` or `logger` that names the code): read as the error's properties, as the
            // whole line was read before; the envelope is not.
            // Elastic Common Schema's dotted `error.type`, `error.message` and `error.stack_trace`
            // are read here too.
            appendProperties(of: record, top: true, depth: 0, to: &lines)
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Whether an object is an error itself rather than a record around one: it has a stack
    /// trace, or a runtime's error type and message, or a type and a message.
    func isError(_ object: [String: Any]) -> Bool {
        if stackKeys.contains(where: { object[$0] != nil }) || object["errorType"] != nil || object["errorMessage"] != nil { return true }
        return Self.ownTypeKeys.contains { object[$0] is String } && errorMessageKeys.contains { object[$0] is String }
    }

    /// What `key` holds as an error: `message` only when it is an object (the Node runtime's
    /// JSON log format), never the text of a message.
    private func errorValue(_ object: [String: Any], _ key: String) -> Any? {
        let value = object[key]
        return messageKeys.contains(key) && value is String ? nil : value
    }

    private func appendErrorValue(_ value: Any?, depth: Int, to lines: inout [String]) {
        switch value {
        case let text as String where !text.isEmpty: lines.append(text)
        case let object as [String: Any]: appendError(object, top: false, depth: depth, to: &lines)
        case let strings as [String]: lines.append(contentsOf: strings)
        // structlog's dict_tracebacks (the outermost exception first), zap's errorCauses.
        case let objects as [[String: Any]]:
            for (index, object) in objects.enumerated() {
                var error: [String] = []
                appendError(object, top: false, depth: depth + 1, to: &error)
                if !error.isEmpty { lines.append((index > 0 ? "Caused by: " : "") + error.joined(separator: "\n")) }
            }
        default: break
        }
    }

    private func appendError(_ error: [String: Any], top: Bool, depth: Int, to lines: inout [String]) {
        guard depth < Self.maximumDepth else { return }
        let errorType = typeKeys.lazy.compactMap { error[$0] as? String }.first
        let message = errorMessageKeys.lazy.compactMap { error[$0] as? String }.first
        let header = [errorType, message].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        let stack = stackKeys.lazy.compactMap { stackText(error[$0]) }.first
        // Node's stack begins with `Type: message`, Java's with the class and message.
        if let stack {
            if !header.isEmpty, !stack.hasPrefix(header), !(message.map { !$0.isEmpty && stack.prefix(400).contains($0) } ?? false) {
                lines.append(header)
            }
            lines.append(stack)
        } else if !header.isEmpty {
            lines.append(header)
        }
        appendProperties(of: error, top: top, depth: depth, to: &lines)
        if top {
            // A record that is an error may also name what the application was doing.
            for key in messageKeys { if let text = error[key] as? String, !text.isEmpty, text != message { lines.append(text) } }
        }
        for key in errorKeys { appendErrorValue(errorValue(error, key), depth: depth + 1, to: &lines) }
        for key in causeKeys {
            var cause: [String] = []
            appendErrorValue(error[key], depth: depth + 1, to: &cause)
            if !cause.isEmpty { lines.append("Caused by: " + cause.joined(separator: "\n")) }
        }
    }

    /// An object's own properties (all but the keys read for their role, and at a record's top
    /// the envelope and the messages), as util.inspect prints them after the stack.
    private func appendProperties(of error: [String: Any], top: Bool, depth: Int, to lines: inout [String]) {
        for key in error.keys.sorted() where !readKeys.contains(key) && !(top && (envelopeKeys.contains(key) || messageKeys.contains(key))) {
            switch error[key] {
            case let text as String where text.contains("\n"): lines.append(text)
            case let text as String: lines.append("  \(key): '\(text)'")
            case let number as NSNumber: lines.append("  \(key): \(type(of: number) == Self.booleanType ? (number.boolValue ? "true" : "false") : number.stringValue)")
            // An error in a property, read as an error (the Node runtime's
            // Runtime.UnhandledPromiseRejection keeps the rejected error in `reason`, src/Errors.js;
            // Sequelize keeps the driver's in `original`), or a plain object's own properties, as
            // util.inspect prints them nested.
            case let object as [String: Any]: appendError(object, top: false, depth: depth + 1, to: &lines)
            case let array as [Any]: appendErrorValue(array, depth: depth + 1, to: &lines)
            default: break
            }
        }
    }

    /// A stack trace as lines: a string, an array of lines, or log4j2's array of frames.
    private func stackText(_ value: Any?) -> String? {
        switch value {
        case let text as String where !text.isEmpty: return text
        case let lines as [String] where !lines.isEmpty: return lines.joined(separator: "\n")
        case let frames as [[String: Any]]:
            // log4j2's {class, method, file, line}; zerolog's {func, source, line}.
            let lines = frames.compactMap { frame -> String? in
                let function = [frame["class"], frame["method"] ?? frame["func"]].compactMap { $0.map { "\($0)" } }.joined(separator: ".")
                let place = [frame["file"] ?? frame["source"], frame["line"]].compactMap { $0.map { "\($0)" } }.joined(separator: ":")
                return function.isEmpty && place.isEmpty ? nil : "\tat \(function)(\(place))"
            }
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        default: return nil
        }
    }
}
