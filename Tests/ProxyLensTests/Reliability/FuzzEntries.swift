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
            let sample = ContentSample(path: "fuzz", head: UnsafeBufferPointer(start: head.pointer + head.position, count: head.available))
            let chosen = ContainerReaders.choose(sample)
            outcome.kind = (try? chosen.get().name) ?? "unknown"
            if let headProblem, head.available == 0 { throw ProxyLensError(.input, "fuzz", headProblem) }
            // The reader, over a fresh window that starts small and fills `chunk` bytes at a time.
            let window = ByteWindow(try source(), initialCapacity: chunk == nil ? maximumWindow : 16, maximumWindow: maximumWindow)
            let reader = try chosen.get()
            let context = ContainerContext(path: "fuzz-stream", options: IngestOptions(), exportLayout: nil, vote: sample.textVote)
            do { _ = try reader.read(window, context, into: sink) } catch let error as JSONReader.SyntaxError {
                throw ProxyLensError(.input, "fuzz", "byte \(error.offset): \(error.reason)")
            }
            for document in sink.configurations {
                outcome.events.append(.init(group: document.kind, stream: "", timestamp: 0, message: []))
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

    /// Where `ingestAndReport` writes its input: a real file, as ingest reads paths. One folder
    /// per process under `proxylens-fuzz/`; the folders of processes that have ended are removed.
    private static let scratchFolder: String = {
        let fm = FileManager.default
        let root = (fm.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()) + "/proxylens-fuzz"
        for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
            if let pid = Int32(name), kill(pid, 0) != 0 && errno == ESRCH { try? fm.removeItem(atPath: "\(root)/\(name)") }
        }
        let folder = "\(root)/\(getpid())/lambda/inventory-api"
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
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
        let whole = readJSON(bytes, chunk: nil)
        let pieces = readJSON(bytes, chunk: chunk)
        FuzzCheck.require(KnownBug.sameOutcome(whole, pieces), "whole: \(whole)\nin \(chunk)-byte reads: \(pieces)")
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
                    _ = json.integerValue
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
        // The byte-level proxy parsing the derive pass uses.
        var copy = text
        copy.withUTF8 { bytes in
            let slice = ProxyBytes.body(bytes)
            _ = ProxyBytes.tag(bytes, "[proxyEndpoint=")
            _ = ProxyBytes.reason(slice)
            _ = ProxyBytes.quoted(slice, after: "for user \"")
        }
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
        _ = Timestamp.parseDuration(text)

        // Timestamps: what parses prints as ISO-8601 and parses back to the same instant.
        // (Years 1970 to 9999: ISO-8601 as printed has four year digits.)
        if let ms = Timestamp.parse(data), ms >= 0, ms < 253_402_300_800_000 {
            let iso = Timestamp.iso(ms)
            FuzzCheck.require(Timestamp.parse(iso) == ms, "\(text.debugDescription) → \(ms) → \(iso) → \(Timestamp.parse(iso).map(String.init) ?? "nil")")
        }

        // The path helpers see file names as text.
        _ = InputPaths.stem(text)
        _ = InputPaths.streamName(fromPath: text)
        _ = InputPaths.exportTaskLayout(text)
        _ = InputPaths.guessLogGroup(path: text, sawLambda: true, sawProxy: data.count % 2 == 0)
    }
}

/// Inputs that hit a bug already reported (see fuzz/README.md) are left out of the checks that
/// bug breaks, so that the fuzzer can go on looking for new ones: each entry names its finding
/// and is removed with the fix. F1 to F8 are fixed; nothing is filtered now.
enum KnownBug {
    /// `PROXYLENS_FUZZ_ALL=1` checks every input, known bugs included.
    static let enabled = ProcessInfo.processInfo.environment["PROXYLENS_FUZZ_ALL"] == nil

    /// Two reads of one input agree (the place for a tolerance while a bug like F1 or F4 is open).
    static func sameOutcome(_ a: ReaderOutcome, _ b: ReaderOutcome) -> Bool {
        a == b
    }
}
