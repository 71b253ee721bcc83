import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Tags for the reliability tests, so that a run can pick or skip them:
/// `swift test --filter Reliability`, or `--skip 'Reliability.*slow'`.
extension Tag {
    /// Takes more than a few seconds (generated inputs of many MB, many files, kill-and-resume).
    @Tag static var slow: Self
}

/// The `proxylens` executable built next to the test bundle, for tests that kill, interrupt or
/// measure it.
enum ReliabilityCLI {
    static var executable: String {
        // The test runner is in the same build folder as the CLI it was built with.
        if let runner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let sibling = (runner as NSString).deletingLastPathComponent + "/proxylens"
            if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        }
        return CLI.executable
    }
}

/// A finished (or killed) child process.
struct ChildResult {
    var status: Int32?
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Peak resident set size of the child, in KiB: the largest VmHWM seen in
    /// /proc/<pid>/status while it ran. (wait4's ru_maxrss is no use here: posix_spawn's vfork
    /// makes it include the test runner's own peak.)
    var maxRSSKiB: Int
    var seconds: Double
    var timedOut: Bool
}

/// Runs the CLI as a child process with posix_spawn, so that a test can kill it at a chosen
/// moment, bound the time it may take, and read its peak memory.
final class Child {
    let pid: pid_t
    let started = Date()
    private let folder: String
    private let outPath: String
    private let errPath: String

    /// `stdin` is opened read-only as standard input, `stdout` (when given) written instead of
    /// a captured file (e.g. `/dev/full`).
    init(_ arguments: [String], executable: String = ReliabilityCLI.executable, stdin: String = "/dev/null",
         stdout: String? = nil) throws {
        folder = NSTemporaryDirectory() + "proxylens-child-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        outPath = folder + "/stdout"
        errPath = folder + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runner may block signals; the CLI must see SIGINT as a terminal delivers it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw ProxyLensError(.usage, executable, "cannot start: \(String(cString: strerror(status)))")
        }
        pid = child
    }

    func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the child to end; past `timeout` seconds it is killed (and `timedOut` set).
    func wait(timeout: Double = 120) -> ChildResult {
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        let deadline = started.addingTimeInterval(timeout)
        var peak = 0
        while true {
            peak = max(peak, Child.highWaterMarkKiB(pid))
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if Date() > deadline && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let low = status & 0x7f
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return ChildResult(status: low == 0 ? (status >> 8) & 0xff : nil, signal: low != 0 ? low : nil,
                           stdout: read(outPath), stderr: read(errPath), maxRSSKiB: peak,
                           seconds: seconds, timedOut: timedOut)
    }

    /// VmHWM of a running process, 0 when it cannot be read (not started yet, or a zombie).
    static func highWaterMarkKiB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Runs to the end (or `timeout`).
    static func run(_ arguments: [String], timeout: Double = 120, stdin: String = "/dev/null", stdout: String? = nil) throws -> ChildResult {
        try Child(arguments, stdin: stdin, stdout: stdout).wait(timeout: timeout)
    }
}

/// Generates realistic exports: filter-log-events pages of Lambda invocations (some failing with
/// a stale connection or a statement timeout) and RDS Proxy pages with client sessions.
enum GeneratedCorpus {
    struct Counts { var files = 0; var events = 0; var invocations = 0 }

    /// `files` pages of `invocations` invocations each (five events per invocation), plus one
    /// proxy page per four Lambda pages. Deterministic for a given `seed`.
    @discardableResult
    static func write(to folder: URL, function: String = "inventory-api", files: Int, invocations: Int,
                      seed: Int = 1) throws -> Counts {
        var counts = Counts()
        let fm = FileManager.default
        let base: Int64 = 1_773_478_800_000 + Int64(seed) * 86_400_000
        for file in 0..<files {
            let lambdaFolder = folder.appendingPathComponent("lambda/\(function)")
            try fm.createDirectory(at: lambdaFolder, withIntermediateDirectories: true)
            let stream = "2026/03/14/[$LATEST]\(String(format: "%032x", seed * 1000 + file))"
            var events: [String] = []
            var proxyEvents: [String] = []
            for i in 0..<invocations {
                let t = base + Int64(file) * 3_600_000 + Int64(i) * 1_000
                let id = uuid(seed, file, i)
                let connection = 1_000_000 + seed * 100_000 + file * 1_000 + i
                let fails = i % 9 == 4
                var lines: [(Int64, String)] = [
                    (t, "START RequestId: \(id) Version: $LATEST\n"),
                    (t + 2, "\(Timestamp.iso(t + 2))\t\(id)\tINFO\tloading order o-\(i) with padding \(String(repeating: "x", count: 120))\n"),
                ]
                if fails {
                    lines.append((t + 40, i % 2 == 0
                        ? "[ERROR] OperationalError: SSL SYSCALL error: EOF detected\n\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 10, in handler\n"
                        : "[ERROR] QueryCanceled: canceling statement due to statement timeout\n"))
                }
                lines.append((t + 50, "END RequestId: \(id)\n"))
                lines.append((t + 50, "REPORT RequestId: \(id)\tDuration: 48.00 ms\tBilled Duration: 48 ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB\t\n"))
                for (ts, message) in lines {
                    events.append(eventJSON(stream: stream, ts: ts, message: message, id: events.count))
                }
                proxyEvents.append(eventJSON(stream: "proxy-\(seed)", ts: t + 1,
                    message: "\(Timestamp.iso(t + 1)) [INFO] [proxyEndpoint=default] [clientConnection=\(connection)] A new client connected from 10.0.\(file % 200).\(i % 250):\(30_000 + i).", id: i))
                proxyEvents.append(eventJSON(stream: "proxy-\(seed)", ts: t + 60,
                    message: "\(Timestamp.iso(t + 60)) [INFO] [proxyEndpoint=default] [clientConnection=\(connection)] The client connection closed. Reason: The client requested to close the connection.", id: i + invocations))
                counts.invocations += 1
            }
            let page = "{\n  \"events\": [\n" + events.joined(separator: ",\n") + "\n  ],\n  \"searchedLogStreams\": []\n}\n"
            try Data(page.utf8).write(to: lambdaFolder.appendingPathComponent("\(function)_\(String(format: "%04d", file)).json"))
            counts.files += 1
            counts.events += events.count
            let proxyFolder = folder.appendingPathComponent("rds-proxy/\(function)-proxy")
            try fm.createDirectory(at: proxyFolder, withIntermediateDirectories: true)
            let proxyPage = "{\"events\": [\n" + proxyEvents.joined(separator: ",\n") + "\n]}\n"
            try Data(proxyPage.utf8).write(to: proxyFolder.appendingPathComponent("\(function)-proxy_\(String(format: "%04d", file)).json"))
            counts.files += 1
            counts.events += proxyEvents.count
        }
        return counts
    }

    static func uuid(_ a: Int, _ b: Int, _ c: Int) -> String {
        String(format: "%08x-%04x-4%03x-8%03x-%012x", a, b & 0xffff, c & 0xfff, (c >> 12) & 0xfff, a * 1_000_003 + b * 1009 + c)
    }

    static func eventJSON(stream: String, ts: Int64, message: String, id: Int) -> String {
        "    {\"logStreamName\": \(JSONText.string(stream)), \"timestamp\": \(ts), \"message\": \(JSONText.string(message)), \"ingestionTime\": \(ts + 500), \"eventId\": \"\(ts)\(id)\"}"
    }
}

/// Row counts a user would compare between two databases.
struct TableCounts: Equatable, CustomStringConvertible {
    var event: Int64
    var invocation: Int64
    var proxySession: Int64
    var source: Int64

    init(_ path: String) throws {
        let database = try Database(path: path, readOnly: true, migrate: false)
        event = try database.scalar("SELECT count(*) FROM event").int ?? -1
        invocation = try database.scalar("SELECT count(*) FROM invocation").int ?? -1
        proxySession = try database.scalar("SELECT count(*) FROM proxy_session").int ?? -1
        source = try database.scalar("SELECT count(*) FROM source").int ?? -1
    }

    var description: String { "event=\(event) invocation=\(invocation) proxy_session=\(proxySession) source=\(source)" }
}

/// `PRAGMA integrity_check` through the same SQLite connection code proxylens uses (opening it
/// read-write, as the next ingest would, so that a hot journal is rolled back first).
func integrityCheck(_ path: String) throws -> String {
    let database = try Database(path: path, migrate: false)
    return try database.rows("PRAGMA integrity_check").map { $0.first?.string ?? "" }.joined(separator: "; ")
}

/// Memory limits in the tests are for a plain build; AddressSanitizer and ThreadSanitizer builds
/// of the CLI use several times more (shadow memory, quarantine).
let memoryLimitFactor: Int = {
    guard let handle = dlopen(nil, RTLD_NOW) else { return 1 }
    defer { dlclose(handle) }
    return dlsym(handle, "__asan_init") != nil || dlsym(handle, "__tsan_init") != nil ? 4 : 1
}()

/// Tests that run the CLI need it built next to the test bundle.
var cliAvailable: Bool { FileManager.default.isExecutableFile(atPath: ReliabilityCLI.executable) }
