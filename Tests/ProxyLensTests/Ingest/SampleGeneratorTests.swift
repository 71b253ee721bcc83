import Foundation
import Testing

/// The sample builders (samples/make_samples.py and one builder per folder) run into a copy of
/// samples/: they reproduce the committed files byte for byte and touch nothing they do not own.
@Suite("samples/ builders")
struct SampleGeneratorTests {
    /// Files no builder of make_samples.py writes: other scripts' samples and real files kept by
    /// hand. Named here so that losing one reads as what it is; every other file is checked too.
    static let ownedByOthers = [
        "containers/aws-cli-text", "containers/aws-cli-yaml", "containers/aws-cli-table", "containers/awslogs",
        "containers/cw", "containers/saw", "containers/sam-logs", "containers/same-events",
        "containers/metrics-console-csv", "containers/event-lines",
        "errors/real-world.ndjson", "errors/README-real-world.md", "errors/real-world-fresh.ndjson", "errors/README-real-world-fresh.md",
        "runtimes", "leaks", "metrics", "partial", "partial-truth",
    ]

    /// Every regular file under `folder`, by path relative to it, with its bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let prefix = folder.resolvingSymlinksInPath().path + "/"
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.resolvingSymlinksInPath().path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return files
    }

    static func python(_ script: String, out: URL) throws -> CommandResult {
        try CLI.run(program: "/usr/bin/env", ["python3", Fixture.samples(script), "--out", out.path])
    }

    /// What changed between two snapshots, as `path: what` lines (README.md left aside: it is rewritten).
    static func changes(from before: [String: Data], to after: [String: Data]) -> [String] {
        var changes: [String] = []
        for (path, data) in before.sorted(by: { $0.key < $1.key }) where path != "README.md" {
            guard let now = after[path] else { changes.append("\(path): removed"); continue }
            if now != data { changes.append("\(path): bytes changed") }
        }
        for path in after.keys.sorted() where before[path] == nil { changes.append("\(path): new") }
        return changes
    }

    @Test("make_samples.py and each builder alone rewrite their files identically and leave every other file alone")
    func buildersKeepBytesAndOthersFiles() throws {
        let copy = try Fixture.temporaryFolder().appendingPathComponent("samples")
        try FileManager.default.copyItem(atPath: Fixture.samples(""), toPath: copy.path)
        let committed = try Self.contents(of: copy)
        for path in Self.ownedByOthers {
            #expect(committed.keys.contains { $0.hasPrefix(path) }, "\(path) is not in samples/ any more: update this list")
        }
        #expect(committed.keys.contains { $0.hasPrefix("incident/cloudwatch/") } && committed["incident-truth/truth.ndjson"] != nil)

        let all = try Self.python("make_samples.py", out: copy)
        try #require(all.status == 0, "make_samples.py failed (it needs python3): \(all.stdout) \(all.stderr)")
        #expect(Self.changes(from: committed, to: try Self.contents(of: copy)) == [])

        for builder in ["incident-truth/make_incident.py", "containers/make_containers.py", "lines/make_lines.py",
                        "errors/make_errors.py", "bad/make_bad.py"] {
            let run = try Self.python(builder, out: copy)
            #expect(run.status == 0, "\(builder): \(run.stdout) \(run.stderr)")
            #expect(Self.changes(from: committed, to: try Self.contents(of: copy)) == [], "after \(builder) alone")
        }
        // The committed README is what make_samples.py writes: nobody edits it by hand.
        #expect(try Self.contents(of: copy)["README.md"] == committed["README.md"])
    }
}
