// The fuzz entry points, shared by the libFuzzer executables in `fuzz/` (where this file is a
// symbolic link, compiled against ProxyLens built with `-enable-testing`) and by the regression
// test that replays `fuzz/corpus` and `fuzz/crashes` (`FuzzCorpusReplayTests`).
//
// Each entry returns normally for every input; a crash (a Swift runtime trap, an AddressSanitizer
// report, a failed `FuzzCheck.require`) is a finding. The properties checked besides "no crash":
//   - a container reads to the same events, problems and error whether its bytes arrive whole or a
//     few at a time (so no reader depends on where a read(2) happens to stop);
//   - the JSON scanner accepts every document Foundation's JSONSerialization accepts (within its
//     documented limits) and decodes the same strings;
//   - `Timestamp.iso` and `Timestamp.parse` round-trip.
import Foundation
@testable import ProxyLens

enum FuzzCheck {
    /// Like `precondition`, but also in -Ounchecked builds, with the failing input described.
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                        file: StaticString = #fileID, line: UInt = #line) {
        if !condition() {
            FileHandle.standardError.write(Data("FuzzCheck failed at \(file):\(line): \(message())\n".utf8))
            abort()
        }
    }
}

/// Hands out at most `chunk` bytes per read, so that buffer boundaries fall everywhere.
final class ChunkedByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0
    private let chunk: Int

    init(_ bytes: [UInt8], chunk: Int) {
        self.bytes = bytes
        self.chunk = max(1, chunk)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, chunk, bytes.count - position)
        if n <= 0 { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: n)
        }
        position += n
        return n
    }
}

/// Everything a container reader produced, comparable between two runs.
struct ReaderOutcome: Equatable, CustomStringConvertible {
    struct Event: Equatable {
        var group: String?
        var stream: String
        var timestamp: Int64
        var message: [UInt8]
        var line: Int?
        var offset: Int64?
    }
    var kind = ""
    var events: [Event] = []
    var issues: [IngestIssue] = []
    var error: String?

    var description: String {
        "kind=\(kind) events=\(events.count) issues=\(issues.map(\.reason)) error=\(error ?? "none")"
    }
}

enum FuzzEntry {
    /// The largest single token the readers accept in the fuzz runs (80 MiB in real ingests), so
    /// that small inputs reach the "too long" paths.
    static let maximumWindow = 4096

    // MARK: FuzzContainer

    /// Container detection and every reader as `ingest` dispatches them, whole and in small
    /// reads; then (for inputs up to 64 KiB) the real ingest, classify and report on an
    /// in-memory database.
    static func container(_ data: UnsafeBufferPointer<UInt8>, fullPipeline: Bool = true) {
        let bytes = Array(data)
        if KnownBug.skip(bytes) { return }
        let whole = readContainer(bytes, chunk: nil)
        // The chunk size comes from the input so the fuzzer can steer it: 1...16 bytes per read.
        let chunk = 1 + Int(bytes.last ?? 0) % 16
        let pieces = readContainer(bytes, chunk: chunk)
        FuzzCheck.require(KnownBug.sameOutcome(whole, pieces), "whole: \(whole)\nin \(chunk)-byte reads: \(pieces)")
        if fullPipeline && bytes.count <= 65_536 { ingestAndReport(bytes) }
    }

    /// What ingest does with one file's bytes, up to the store: gzip, sniff, reader.
    static func readContainer(_ bytes: [UInt8], chunk: Int?) -> ReaderOutcome {
        var outcome = ReaderOutcome()
        let sink = CollectingSink()
        func source() throws -> ByteSource {
            let raw: ByteSource = chunk.map { ChunkedByteSource(bytes, chunk: $0) } ?? MemoryByteSource(bytes)
            let compressed = bytes.withUnsafeBytes { GzipByteSource.isGzip($0) }
            return compressed ? try GzipByteSource(raw, name: "fuzz") : raw
        }
        do {
            // The kind, from the decoded head, exactly as ingest sniffs it.
            let head = ByteWindow(try source())
            var headProblem: String?
            do {
                while head.available < 65_536, try head.fill() {}
            } catch let error as ProxyLensError {
                headProblem = error.reason
            }
            let kind = ContainerKind.sniff(UnsafeBufferPointer(start: head.pointer + head.position, count: head.available))
            outcome.kind = "\(kind)"
            if let headProblem, head.available == 0 { throw ProxyLensError(.input, "fuzz", headProblem) }
            // The reader, over a fresh window that starts small and fills `chunk` bytes at a time.
            let window = ByteWindow(try source(), initialCapacity: chunk == nil ? maximumWindow : 16, maximumWindow: maximumWindow)
            switch kind {
            case .unknown(let reason):
                throw ProxyLensError(.input, "fuzz", reason)
            case .configuration:
                while try window.fill() {}
                let document = try ConfigurationReader.read(Data(bytes: window.pointer + window.position, count: window.available),
                                                            fileName: "fuzz.json")
                outcome.events.append(.init(group: document.kind, stream: "", timestamp: 0, message: []))
            case .lambdaSubscriptionEvent:
                let payload = try Ingestion.decodeLambdaEvent(window, path: "fuzz")
                var reader = CloudWatchJSONReader(defaultStream: "fuzz-stream", defaultGroup: nil)
                try reader.read(ByteWindow(try GzipByteSource(MemoryByteSource(payload), name: "fuzz"), maximumWindow: maximumWindow),
                                into: sink)
            case .logEventsJSON:
                var reader = CloudWatchJSONReader(defaultStream: "fuzz-stream", defaultGroup: nil)
                do { try reader.read(window, into: sink) } catch let error as JSONReader.SyntaxError {
                    throw ProxyLensError(.input, "fuzz", "byte \(error.offset): \(error.reason)")
                }
            case .insightsCSV:
                var reader = InsightsCSVReader(json: CloudWatchJSONReader(defaultStream: "fuzz-stream", defaultGroup: nil))
                try reader.read(window, into: sink)
            case .text(let layout):
                try TextExportReader(layout: layout, logGroup: nil, defaultStream: "fuzz-stream").read(window, into: sink)
            }
        } catch let error as ProxyLensError {
            outcome.error = error.description
        } catch is ByteWindow.WindowOverflow {
            outcome.error = "window overflow"
        } catch {
            outcome.error = "\(type(of: error)): \(error)"
        }
        outcome.events += sink.events.map {
            .init(group: $0.logGroup, stream: $0.logStream, timestamp: $0.timestamp, message: $0.message, line: $0.line, offset: $0.offset)
        }
        outcome.issues = sink.issues
        // Every reader's events are stored: the line parser runs on each message.
        for event in sink.events { event.message.withUnsafeBufferPointer { _ = LineFormat.parse($0) } }
        return outcome
    }

    /// Where `ingestAndReport` writes its input: a real file, as ingest reads paths.
    private static let scratchFolder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(base)/proxylens-fuzz-\(getpid())/lambda/inventory-api"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// The real thing: `ingest` into a fresh in-memory database, `classify`, `report` in every
    /// format, `failures` in every record format.
    static func ingestAndReport(_ bytes: [UInt8]) {
        let path = scratchFolder + "/inventory-api_2026-03-14T0905Z.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let database = try Database(path: ":memory:")
            let summary = try Ingestion(database: database).run(paths: [path])
            let stored = try database.scalar("SELECT count(*) FROM event").int ?? -1
            FuzzCheck.require(Int(stored) == summary.eventsAdded, "\(summary.eventsAdded) events added but \(stored) rows in event")
            // Every problem (nothing read past it) and every note (data kept, e.g. invalid UTF-8
            // replaced) is one ingest_error row.
            let rows = try database.scalar("SELECT count(*) FROM ingest_error").int ?? -1
            FuzzCheck.require(Int(rows) == summary.problems + summary.notes,
                              "\(summary.problems) problems and \(summary.notes) notes but \(rows) ingest_error rows")
            guard summary.eventsAdded > 0 else { return }
            _ = try Classifier(database: database).run()
            if KnownBug.enabled, try KnownBug.farApartProxyTimes(database) { return }
            let report = try ReportBuilder(database: database).build(ReportOptions())
            for format in ReportFormat.allCases { _ = ReportRenderer.render(report, format: format) }
            let query = FailureQuery(database: database)
            let records = try query.records(FailureFilter())
            for format in RecordFormat.allCases { _ = RecordWriter.render(records.columns, records.rows, format: format) }
            let groups = try query.fingerprints(FailureFilter())
            _ = RecordWriter.render(groups.columns, groups.rows, format: .table)
        } catch {
            // A thrown error is a reported problem, not a crash.
        }
    }

    // MARK: FuzzJSON

    /// The streaming JSON scanner and the CloudWatch JSON reader.
    static func json(_ data: UnsafeBufferPointer<UInt8>) {
        let bytes = Array(data)
        let chunk = 1 + Int(bytes.last ?? 0) % 16
        // 1. The page reader, whole and in small reads.
        if !KnownBug.skip(bytes) {
            let whole = readJSON(bytes, chunk: nil)
            let pieces = readJSON(bytes, chunk: chunk)
            FuzzCheck.require(KnownBug.sameOutcome(whole, pieces), "whole: \(whole)\nin \(chunk)-byte reads: \(pieces)")
        }
        // 2. The raw token stream, in small reads, and a differential check against Foundation.
        _ = scan(bytes, chunk: chunk, skipping: true)
        let tokens = scan(bytes, chunk: chunk, skipping: false)
        guard bytes.count <= 16_384,
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
              object is [String: Any] || object is [Any] else { return }
        if let error = tokens.error {
            // Documented limits: 512 levels, 64-character numbers, strings up to the window.
            let limit = error.contains("nested deeper") || error.contains("number too long") || error.contains("longer than")
            FuzzCheck.require(limit, "JSONSerialization accepts the document but the scanner says: \(error)")
            return
        }
        var expected: [String: Int] = [:]
        collectStrings(object, into: &expected)
        for (text, count) in expected {
            FuzzCheck.require((tokens.strings[text] ?? 0) >= count,
                              "JSONSerialization decodes \(count)× \(text.debugDescription), the scanner \(tokens.strings[text] ?? 0)×")
        }
    }

    static func readJSON(_ bytes: [UInt8], chunk: Int?) -> ReaderOutcome {
        var outcome = ReaderOutcome()
        let sink = CollectingSink()
        let raw: ByteSource = chunk.map { ChunkedByteSource(bytes, chunk: $0) } ?? MemoryByteSource(bytes)
        let window = ByteWindow(raw, initialCapacity: chunk == nil ? maximumWindow : 16, maximumWindow: maximumWindow)
        var reader = CloudWatchJSONReader(defaultStream: "fuzz-stream", defaultGroup: nil)
        do {
            try reader.read(window, into: sink)
        } catch let error as JSONReader.SyntaxError {
            outcome.error = "byte \(error.offset): \(error.reason)"
        } catch {
            outcome.error = "\(type(of: error)): \(error)"
        }
        outcome.kind = reader.containerName
        outcome.events = sink.events.map {
            .init(group: $0.logGroup, stream: $0.logStream, timestamp: $0.timestamp, message: $0.message, line: $0.line, offset: $0.offset)
        }
        outcome.issues = sink.issues
        return outcome
    }

    /// Every token until the end or the first error; keys and strings counted by their text.
    /// `skipping`: now and then skip a whole value, as the readers do for keys they do not know.
    static func scan(_ bytes: [UInt8], chunk: Int, skipping: Bool) -> (strings: [String: Int], error: String?) {
        let window = ByteWindow(ChunkedByteSource(bytes, chunk: chunk), initialCapacity: 16, maximumWindow: 1 << 16)
        var json = JSONReader(window)
        var strings: [String: Int] = [:]
        var count = 0
        do {
            while true {
                let token = try json.next()
                count += 1
                switch token {
                case .end: return (strings, nil)
                case .key, .string:
                    strings[json.stringValue, default: 0] += 1
                    _ = json.keyIs("message")
                case .number:
                    if !KnownBug.enabled || !KnownBug.overflowsInt64(json.string) { _ = json.integerValue }
                    _ = json.doubleValue
                default: break
                }
                if skipping, token == .key, count % 7 == 0 { try json.skipValue() }
            }
        } catch let error as JSONReader.SyntaxError {
            return (strings, error.reason)
        } catch {
            return (strings, "\(error)")
        }
    }

    private static func collectStrings(_ value: Any, into counts: inout [String: Int]) {
        if let object = value as? [String: Any] {
            for (key, inner) in object {
                counts[key, default: 0] += 1
                collectStrings(inner, into: &counts)
            }
        } else if let array = value as? [Any] {
            for inner in array { collectStrings(inner, into: &counts) }
        } else if let text = value as? String {
            counts[text, default: 0] += 1
        }
    }

    // MARK: FuzzLines

    /// The per-message parsers: line layouts, signature rules, fingerprints, timestamps, and the
    /// message helpers the deriver and classifier use.
    static func lines(_ data: UnsafeBufferPointer<UInt8>) {
        let (parsed, name) = LineFormat.parse(data)
        FuzzCheck.require(name == "other" || LineFormat.all.contains { $0.name == name }, "unknown format \(name)")
        if parsed.kind == .proxy { _ = parsed.proxyTimestamp.map(Timestamp.iso) }
        for format in LineFormat.all { _ = format.parse(data) }
        _ = TextExportReader.startsWithDate(data)
        let stripped = ANSI.strip(data)
        FuzzCheck.require(stripped.count <= data.count, "ANSI.strip grew the line")
        _ = Excerpt.of(data)

        let text = String(decoding: data, as: UTF8.self)
        _ = SignatureRule.match(text)
        _ = Fingerprint.of(text)
        _ = ErrorText.body(ofAppLine: text)
        _ = ErrorText.exceptionType(text)
        _ = ErrorText.jsonErrorType(text)
        let body = ProxyMessage.body(text)
        _ = ProxyMessage.tag(text, "clientConnection")
        _ = ProxyMessage.clientAddress(body)
        _ = ProxyMessage.authUser(body)
        let (reason, _) = ProxyMessage.reasonAndDigest(body)
        if let reason { _ = ProxyMessage.closeKind(reason); _ = Advice.pinningRemedy(reason: reason, digest: nil) }
        _ = ReportLine.fields(text)
        _ = PlatformRecord.record(text)
        _ = TransactionMarkers.effect(of: text)
        _ = Terminal.clean(text)
        _ = JSONText.string(text)
        _ = CSVText.field(text)
        _ = TextTable.render(["a", "b"], [[text, text]])
        // F8: parseDuration multiplies without overflow checks ("7777786603810360d" traps).
        if !KnownBug.enabled || text.utf8.count < 12 { _ = Timestamp.parseDuration(text) }

        // Timestamps: what parses prints as ISO-8601 and parses back to the same instant.
        // (Years 1970 to 9999: ISO-8601 as printed has four year digits.)
        if let ms = Timestamp.parse(data), ms >= 0, ms < 253_402_300_800_000 {
            let iso = Timestamp.iso(ms)
            FuzzCheck.require(Timestamp.parse(iso) == ms, "\(text.debugDescription) → \(ms) → \(iso) → \(Timestamp.parse(iso).map(String.init) ?? "nil")")
        }

        // The path helpers see file names as text. F7: Foundation's NSString.lastPathComponent
        // (swift-corelibs-foundation) traps on "a///b//" and on "x//日" (a double slash before a
        // last component of one non-ASCII character).
        if KnownBug.enabled && text.contains("//") { return }
        _ = InputPaths.stem(text)
        _ = InputPaths.streamName(fromPath: text)
        _ = InputPaths.exportTaskLayout(text)
        _ = InputPaths.guessLogGroup(path: text, sawLambda: true, sawProxy: data.count % 2 == 0)
    }
}

/// Inputs that hit a bug already reported (see fuzz/README.md) are left out of the checks that
/// bug breaks, so that the fuzzer can go on looking for new ones. Each entry names its finding;
/// remove it once the bug is fixed (the replay test then covers the reproducer in fuzz/crashes).
enum KnownBug {
    /// `PROXYLENS_FUZZ_ALL=1` checks every input, known bugs included.
    static let enabled = ProcessInfo.processInfo.environment["PROXYLENS_FUZZ_ALL"] == nil

    /// F2: an object that is not key-value pairs (`[{"a"}]`, `[{"a":1, 2 "b":3}]`,
    /// `{"results":[[{"field"}]]}`) makes CloudWatchJSONReader loop forever at the end of the input.
    static func skip(_ bytes: [UInt8]) -> Bool {
        guard enabled else { return false }
        let decoded = decoded(bytes)
        if badJSON(decoded) { return true }
        if decoded.first(where: { $0 > 0x20 }) == UInt8(ascii: "{"),
           let payload = try? Ingestion.decodeLambdaEvent(ByteWindow(MemoryByteSource(decoded)), path: "fuzz") {
            return badJSON(Self.decoded(payload))
        }
        return false
    }

    static func sameOutcome(_ a: ReaderOutcome, _ b: ReaderOutcome) -> Bool {
        if a == b { return true }
        guard enabled, a.kind == b.kind else { return false }
        let ea = a.error ?? "", eb = b.error ?? ""
        // F1: at the cut of a truncated gzip stream, up to 258 decoded bytes that zlib still
        // holds are lost or not depending on where reads stop: the last event and the byte
        // count in the message differ.
        if ea.contains("truncated gzip stream"), eb.contains("truncated gzip stream") {
            return a.events.dropLast().elementsEqual(b.events.dropLast()) && abs(a.events.count - b.events.count) <= 1
        }
        // F4: the longest-string limit is checked only when the window refills, so a string a
        // little over it passes or not depending on where reads stop; the reads then go on
        // differently.
        if ea.contains("longer than") || eb.contains("longer than") {
            let n = min(a.events.count, b.events.count)
            return a.events.prefix(n).elementsEqual(b.events.prefix(n))
        }
        return false
    }

    /// F5: a proxy line whose own timestamp is far from the others (`4052-03-14T09:12:01.007Z
    /// [INFO] ...`) makes `report` enumerate every 5-minute window in between (pressure.sql),
    /// for minutes to hours.
    static func farApartProxyTimes(_ database: Database) throws -> Bool {
        let span = try database.scalar("""
            SELECT max(t) - min(t) FROM (
                SELECT opened_ts AS t FROM proxy_session UNION ALL SELECT pinned_ts FROM proxy_session
                UNION ALL SELECT closed_ts FROM proxy_session UNION ALL SELECT opened_ts FROM proxy_db_connection
                UNION ALL SELECT released_ts FROM proxy_db_connection UNION ALL SELECT closed_ts FROM proxy_db_connection)
            """).int ?? 0
        return span > 30 * 86_400_000
    }

    /// F3: `JSONReader.integerValue` converts a number with a fraction or exponent through
    /// Double with `Int64(_:)`, which traps when it does not fit (`"timestamp": 1e300`).
    static func overflowsInt64(_ number: [UInt8]) -> Bool {
        guard number.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return false }
        guard let value = Double(String(decoding: number, as: UTF8.self)) else { return false }
        return !(value > -9.2e18 && value < 9.2e18)
    }

    /// The content as ingest sees it (gzip inflated), at most 8 MiB.
    static func decoded(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.withUnsafeBytes({ GzipByteSource.isGzip($0) }), let gzip = try? GzipByteSource(MemoryByteSource(bytes), name: "fuzz") else {
            return bytes
        }
        var out = [UInt8](repeating: 0, count: 8 << 20)
        var filled = 0
        out.withUnsafeMutableBytes { buffer in
            while filled < buffer.count, let n = try? gzip.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])), n > 0 {
                filled += n
            }
        }
        out.removeSubrange(filled...)
        return out
    }

    /// True when an object holds something other than key-value pairs (F2): a key directly
    /// followed by `}`, or a number, literal, object or array where a key belongs (`, :` are
    /// skipped as white space by the scanner, so this is what is left of malformed structure);
    /// or when a number overflows as in F3.
    static func badJSON(_ bytes: [UInt8]) -> Bool {
        var json = JSONReader(ByteWindow(MemoryByteSource(bytes), maximumWindow: 1 << 24))
        var objects: [Bool] = []
        var awaitingValue = false
        while let token = try? json.next(), token != .end {
            if token == .number && overflowsInt64(json.string) { return true }
            if objects.last == true && !awaitingValue {
                switch token {
                case .key: awaitingValue = true
                case .objectEnd: objects.removeLast()
                default: return true
                }
                continue
            }
            if objects.last == true && token == .objectEnd { return true }
            awaitingValue = false
            switch token {
            case .objectStart: objects.append(true)
            case .arrayStart: objects.append(false)
            case .arrayEnd, .objectEnd: if !objects.isEmpty { objects.removeLast() }
            default: break
            }
        }
        return false
    }
}
