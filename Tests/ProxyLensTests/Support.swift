import Foundation
@testable import ProxyLens

/// Paths used by the tests: the repository root, its samples, and the shared labelled corpus.
enum Fixture {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func samples(_ path: String) -> String { root.appendingPathComponent("samples").appendingPathComponent(path).path }
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/public").path
    static var corpusAvailable: Bool { FileManager.default.fileExists(atPath: corpus + "/truth/truth.ndjson") }

    /// A fresh folder under the system temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("proxylens-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func gzip(_ data: Data) throws -> Data {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("x")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-kn", input.path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: folder.appendingPathComponent("x.gz"))
    }
}

/// Reads a container from memory with the same code path ingest uses.
func readEvents(_ text: String, layout: TextExportReader.Layout? = nil, defaultStream: String = "stream") throws -> CollectingSink {
    let sink = CollectingSink()
    let window = ByteWindow(MemoryByteSource(text))
    _ = try window.fill()
    if let layout {
        try TextExportReader(layout: layout, logGroup: nil, defaultStream: defaultStream).read(window, into: sink)
    } else {
        var reader = CloudWatchJSONReader(defaultStream: defaultStream, defaultGroup: nil)
        try reader.read(window, into: sink)
    }
    return sink
}

func ingest(_ paths: [String], into database: Database, options: IngestOptions = IngestOptions()) throws -> (IngestSummary, [(String, IngestIssue)]) {
    var issues: [(String, IngestIssue)] = []
    let ingestion = Ingestion(database: database, options: options)
    ingestion.onIssue = { issues.append(($0, $1)) }
    let summary = try ingestion.run(paths: paths)
    return (summary, issues)
}

/// Runs the built `proxylens` executable (built alongside the tests) and captures its output.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    static var executable: String {
        let candidates = [
            // The binary built beside this test bundle, whatever --scratch-path was used.
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("proxylens").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("proxylens").path,
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("proxylens").path,
            Fixture.root.appendingPathComponent(".build/debug/proxylens").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[3]
    }

    final class Marker {}

    static func run(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try run(program: executable, arguments, in: directory, stdin: stdin, environment: environment)
    }

    /// What every run sees unless a test says otherwise: UTC, a fixed generation time (reports
    /// are reproducible), no colour and no terminal width from the shell that runs the tests.
    static let baseEnvironment = ["TZ": "UTC", "SOURCE_DATE_EPOCH": "1773480000"]

    /// Runs any program. Its output is read to the end before waiting for it to exit: waiting
    /// first can hang in Foundation's `Process` on Linux.
    static func run(program: String, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil, environment extra: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        for key in ["COLUMNS", "NO_COLOR", "SOURCE_DATE_EPOCH"] { environment[key] = nil }
        environment.merge(baseEnvironment) { $1 }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Reads a file with the container ingest would choose for it, into memory.
func readEventsFromFile(_ path: String) throws -> CollectingSink {
    let sample = try ContainerReaderTests.sample(path)
    let reader = try ContainerReaders.choose(sample).get()
    var source: ByteSource = try FileByteSource(path: path, hashing: false)
    let head = try PrefixedByteSource.head(of: source, count: 2)
    source = PrefixedByteSource(prefix: head, upstream: source)
    if head.withUnsafeBytes({ GzipByteSource.isGzip($0) }) { source = try GzipByteSource(source, name: path) }
    let sink = CollectingSink()
    let context = ContainerContext(path: path, options: IngestOptions(), exportLayout: sample.exportLayout, vote: sample.textVote)
    _ = try reader.read(ByteWindow(source), context, into: sink)
    return sink
}
