import Foundation
import Testing
@testable import ProxyLens

/// The CI formats: JSON against its JSON Schema, JUnit's testcase set, Markdown's gates.
@Suite("CI formats")
struct CIFormatTests {
    static let generatedAt: Int64 = 1_773_480_000_000

    static func samplesReport() throws -> Report {
        try ReportBuilder(database: try ReportTests.samplesDatabase()).build(ReportOptions(windowSeconds: 300))
    }

    /// Runs python3 with `script`, the arguments after it; the test fails with its stderr.
    static func python(_ script: String, _ arguments: [String]) throws -> CommandResult {
        try CLI.run(program: "/usr/bin/env", ["python3", "-c", script] + arguments)
    }

    static let validate = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        # Every field documented: each property has a description.
        def walk(node, path):
            if isinstance(node, dict):
                for key, value in node.get("properties", {}).items():
                    if "description" not in value:
                        print(f"{path}.{key}: no description"); sys.exit(1)
                for key, value in node.items():
                    walk(value, path + "/" + key)
            elif isinstance(node, list):
                for value in node: walk(value, path)
        walk(schema, "")
        validator = Draft202012Validator(schema)
        for name in sys.argv[2:]:
            errors = sorted(validator.iter_errors(json.load(open(name))), key=lambda e: list(e.path))
            for error in errors[:5]:
                print(name, list(error.path), error.message[:300])
            if errors: sys.exit(1)
        print("ok")
        """

    @Test("report --format json is valid against docs/report.schema.json, which documents every field")
    func jsonSchema() throws {
        let folder = try Fixture.temporaryFolder()
        var files: [String] = []
        let report = try Self.samplesReport()
        let thresholds = try FailThreshold.parse("lambda-timeout-pinning-leak,connection-timeout=20")
        files.append(try Fixture.write(ReportRenderer.render(report, format: .json, options: RenderOptions(thresholds: thresholds, generatedAt: Self.generatedAt)),
                                       to: "incident.json", in: folder))
        // With metrics: the optional section.
        let metrics = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident"), Fixture.samples("metrics")], into: metrics)
        _ = try Classifier(database: metrics).run()
        let withMetrics = try ReportBuilder(database: metrics).build(ReportOptions(windowSeconds: 60))
        #expect(withMetrics.metrics != nil)
        files.append(try Fixture.write(ReportRenderer.render(withMetrics, format: .json), to: "metrics.json", in: folder))
        // No failures at all.
        let empty = try Database(path: ":memory:")
        _ = try Classifier(database: empty).run()
        files.append(try Fixture.write(ReportRenderer.render(try ReportBuilder(database: empty).build(ReportOptions()), format: .json), to: "empty.json", in: folder))
        let schema = Fixture.root.appendingPathComponent("docs/report.schema.json").path
        let result = try Self.python(Self.validate, [schema] + files)
        #expect(result.status == 0 && result.stdout.contains("ok"), "\(result.stdout)\(result.stderr)")
    }

    static let junitCases = """
        import sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == "testsuites" and root.get("timestamp") and root.get("time") is not None
        for suite in root.iter("testsuite"):
            assert suite.get("timestamp") and suite.get("time") is not None, suite.get("name")
            for case in suite.iter("testcase"):
                assert case.get("time") is not None
                print(("FAIL" if case.find("failure") is not None else "pass") + "\\t" + case.get("classname") + "\\t" + case.get("name"))
        """

    static func junitCases(_ text: String) throws -> [(failed: Bool, id: String)] {
        let file = try Fixture.write(text, to: "junit.xml", in: try Fixture.temporaryFolder())
        let result = try python(junitCases, [file])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return (parts[0] == "FAIL", String(parts.count > 1 ? parts[1] : ""))
        }
    }

    @Test("JUnit: the same testcases with and without --fail-on, failing exactly where a gate is crossed")
    func junitFixedSet() throws {
        let report = try Self.samplesReport()
        let plain = try Self.junitCases(ReportRenderer.render(report, format: .junit, options: RenderOptions(generatedAt: Self.generatedAt)))
        let gated = try Self.junitCases(ReportRenderer.render(report, format: .junit, options: RenderOptions(
            thresholds: try FailThreshold.parse("lambda-timeout-pinning-leak,connection-timeout=20"), generatedAt: Self.generatedAt)))
        #expect(plain.map(\.id) == gated.map(\.id))
        #expect(Set(plain.map(\.id)).count == plain.count, "testcase names are unique")
        #expect(!plain.contains { $0.failed })
        // One per cause, plus one per instance and window with failures of it.
        let expected = Cause.allCases.count
            + report.instances.reduce(0) { $0 + $1.causes.filter { $0.failures > 0 }.count }
            + report.windows.reduce(0) { $0 + $1.causes.filter { $0.failures > 0 }.count }
        #expect(plain.count == expected)
        // lambda-timeout-pinning-leak (10 > 0) is crossed, connection-timeout (12 ≤ 20) is not.
        for testcase in gated {
            #expect(testcase.failed == testcase.id.hasPrefix("proxylens.lambda-timeout-pinning-leak"), "\(testcase.id)")
        }
        #expect(gated.contains { $0.failed })
    }

    @Test("Markdown: each gate first with pass or fail and its count; code spans need no escaping")
    func markdownGates() throws {
        let report = try Self.samplesReport()
        let text = ReportRenderer.render(report, format: .markdown, options: RenderOptions(
            thresholds: try FailThreshold.parse("lambda-timeout-pinning-leak,connection-timeout=20"), generatedAt: Self.generatedAt))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("| gate | result | failures |"))
        #expect(lines[3] == "| `--fail-on lambda-timeout-pinning-leak` | ❌ **fail** | 10 | 0 |")
        #expect(lines[4] == "| `--fail-on connection-timeout=20` | ✅ pass | 12 | 20 |")
        #expect(ReportRenderer.codeSpan("a <b> & c|d") == "`a <b> & c|d`")
        #expect(ReportRenderer.codeSpan("a|b", inTable: true) == "`a\\|b`")
        #expect(ReportRenderer.codeSpan("x `y` z") == "``x `y` z``")
        #expect(text.contains("proxylens \(ProxyLensVersion.current), generated 2026-03-14T09:20:00.000Z"))
    }

    @Test("GitHub annotations: ::error exactly where a gate is crossed, and log text cannot end an annotation or start a command")
    func githubAnnotations() throws {
        var report = try Self.samplesReport()
        let options = RenderOptions(thresholds: try FailThreshold.parse("lambda-timeout-pinning-leak,connection-timeout=20"), generatedAt: Self.generatedAt)
        let lines = ReportRenderer.render(report, format: ReportFormat(rawValue: "github")!, options: options).split(separator: "\n").map(String.init)
        // One annotation per cause with failures, and the totals.
        #expect(lines.count == report.causes.count + 1)
        #expect(lines.filter { $0.hasPrefix("::error ") }.map { $0.prefix(56) } == ["::error title=proxylens%3A lambda-timeout-pinning-leak::"])
        #expect(lines.contains { $0.hasPrefix("::warning title=proxylens%3A connection-timeout::12 connection-timeout failures") && $0.contains("--fail-on connection-timeout=20: passed.") })
        #expect(lines.last?.hasPrefix("::notice title=proxylens::52 failed of 407 invocations (12.8%25)") == true)
        // A stream name from the logs that tries to close the annotation and open another command.
        report.instances[0].instance = "evil\n::error title=forged::pwned%0A,x:y\r"
        let hostile = ReportRenderer.render(report, format: ReportFormat(rawValue: "github")!, options: options)
        let hostileLines = hostile.split(separator: "\n").map(String.init)
        #expect(hostileLines.count == lines.count)
        #expect(hostileLines.allSatisfy { $0.hasPrefix("::error title=proxylens") || $0.hasPrefix("::warning title=proxylens") || $0.hasPrefix("::notice title=proxylens") })
        #expect(hostile.contains("evil%0A::error title=forged::pwned%250A,x:y"))
    }

    @Test("version and generated_at in every format")
    func stampEverywhere() throws {
        let report = try Self.samplesReport()
        for format in ReportFormat.allCases {
            let text = ReportRenderer.render(report, format: format, options: RenderOptions(generatedAt: Self.generatedAt))
            #expect(text.contains(ProxyLensVersion.current), "\(format.rawValue) has no version")
            #expect(text.contains("2026-03-14T09:20:00.000Z"), "\(format.rawValue) has no generation time")
        }
    }
}
