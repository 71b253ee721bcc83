import Foundation
import Testing
@testable import ProxyLens

/// `proxylens inspect`: what a user runs when a report looks wrong.
@Suite("Command line: inspect")
struct InspectCommandTests {
    @Test("README's inspect example is the real output, and no database is written")
    func readmeExample() throws {
        let folder = try Fixture.temporaryFolder()
        let result = try CLI.run(["inspect", Fixture.samples("containers/tail/catalog-pg-proxy_short.log")], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let readme = try String(contentsOf: Fixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = result.stdout.replacingOccurrences(of: Fixture.samples("containers/tail/catalog-pg-proxy_short.log"),
                                                       with: "samples/containers/tail/catalog-pg-proxy_short.log")
        #expect(readme.contains("```\n" + shown + "```"), "README's inspect output differs:\n\(shown)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "inspect wrote a file")
    }

    @Test("a runtime's file: the container and why, invocations by status, failures by cause, guessed group said")
    func runtimeFile() throws {
        let reports = try Inspection.inspect(paths: [Fixture.samples("runtimes/python-text.json")])
        let report = try #require(reports.first)
        #expect(report.container == "log-events-json")
        #expect(report.why.contains("first key is \"events\""))
        #expect(report.logGroupOrigin == "path")
        #expect(report.invocations == ["success": 2, "error": 3, "timeout": 1])
        #expect(report.failures.values.reduce(0, +) == 4)
        #expect(Inspection.text(reports).contains("guessed from the path; set it with --log-group"))
    }

    @Test("a file no container fits is a named problem and exit 1; JSON output parses")
    func badFileAndJSON() throws {
        let folder = try Fixture.temporaryFolder()
        let path = try Fixture.write("Dear team, the logs are attached.\n", to: "note.txt", in: folder)
        let text = try CLI.run(["inspect", path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("problem") && text.stdout.contains("not a recognised CloudWatch Logs export"), "\(text.stdout)")
        let json = try CLI.run(["inspect", "--format", "json", Fixture.samples("runtimes/go-text.json")])
        #expect(json.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect((parsed?.first?["line_kinds"] as? [String: Int])?["other"] == 18)
    }
}
