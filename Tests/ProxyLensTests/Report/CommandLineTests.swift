import Foundation
import Testing
@testable import ProxyLens

@Suite("Command line", .serialized)
struct CommandLineTests {
    static let subcommands = ["analyze", "ingest", "inspect", "merge", "classify", "report", "failures", "alarms", "sql", "schema"]

    @Test("every subcommand's --help has an example, and the README shows that example")
    func readmeAndHelpAgree() throws {
        let readme = try String(contentsOf: Fixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        let root = try CLI.run(["--help"])
        for name in Self.subcommands {
            #expect(root.stdout.contains(name), "proxylens --help does not list \(name)")
            #expect(readme.contains("### proxylens \(name)"), "README has no section for \(name)")
            let help = try CLI.run([name, "--help"])
            #expect(help.status == 0)
            let lines = help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let example = lines.firstIndex(of: "Example:") else {
                Issue.record("\(name) --help has no Example:")
                continue
            }
            let commands = lines[(example + 1)...].prefix { $0.hasPrefix("proxylens ") }
            #expect(!commands.isEmpty, "\(name) --help example is empty")
            for command in commands {
                #expect(readme.contains(command), "README does not show the example of \(name): \(command)")
            }
        }
    }

    /// The Commands section's first paragraph says which commands take `--db`: those whose
    /// --help has none are named as the exceptions, the others are not.
    @Test("the README names the commands that take no --db")
    func readmeSaysWhichCommandsTakeDb() throws {
        let readme = try String(contentsOf: Fixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Commands\n").dropFirst().first)
        let paragraph = try #require(section.components(separatedBy: "\n\n").first { !$0.isEmpty })
        #expect(paragraph.contains("`--db FILE`"), "\(paragraph)")
        for name in Self.subcommands {
            let takesDb = try CLI.run([name, "--help"]).stdout.contains("--db")
            #expect(paragraph.contains("`\(name)`") != takesDb, "README: \(paragraph) (\(name) \(takesDb ? "takes" : "has no") --db)")
        }
    }

    @Test("every option and format in --help is in the README")
    func readmeHasEveryOption() throws {
        let readme = try String(contentsOf: Fixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in Self.subcommands {
            let help = try CLI.run([name, "--help"]).stdout
            let options = Set(help.split(whereSeparator: { " ,\n[]<>()=".contains($0) }).map(String.init)
                .filter { $0.hasPrefix("--") && $0.count > 2 && $0.allSatisfy { $0.isLetter || $0 == "-" } })
            for option in options.sorted() where !["--help", "--version"].contains(option) {
                #expect(readme.contains("`\(option)"), "README does not mention \(name) \(option)")
            }
        }
        for format in ReportFormat.allCases {
            #expect(readme.contains("- `\(format.rawValue)`"), "README does not describe --format \(format.rawValue)")
            #expect(readme.contains(format.summary) || readme.contains(format.rawValue + "|") || readme.contains("|" + format.rawValue))
        }
        for format in RecordFormat.allCases { #expect(readme.contains("--format ndjson|json|csv|table") && readme.contains(format.rawValue)) }
    }

    /// The README's `$ proxylens ...` blocks: the lines shown (up to `…`) are the real output.
    @Test("the README's example outputs are the real output")
    func readmeOutputs() throws {
        let readme = try String(contentsOf: Fixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        let folder = try Fixture.temporaryFolder()
        _ = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        var checked = 0
        for block in readme.components(separatedBy: "```\n").dropFirst() where block.hasPrefix("$ proxylens ") {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let arguments = Self.words(String(lines[0].dropFirst("$ proxylens ".count))).map {
                $0.hasPrefix("samples/") ? Fixture.samples(String($0.dropFirst(8))) : $0
            }
            let shown = lines.dropFirst().prefix { $0 != "…" && $0 != "" || $0 == "" }.prefix { $0 != "…" }
            let output = try CLI.run(arguments, in: folder).stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(Array(output.prefix(shown.count)) == Array(shown), "README block `\(lines[0])` is not the real output")
            checked += 1
        }
        #expect(checked >= 2)
    }

    /// A README command line's arguments as a shell splits them: at spaces, except inside
    /// double quotes (a query), which are removed.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    @Test("the README's main command works on a fresh folder, and exit codes mean what they say")
    func mainCommandAndExitCodes() throws {
        let folder = try Fixture.temporaryFolder()
        let analyze = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        #expect(analyze.status == 0, "\(analyze.stderr)")
        #expect(analyze.stdout.contains("Causes"))
        // What was ingested, each sentence on its own line (the duplicates the samples hold too).
        #expect(analyze.stderr.contains("\n17 duplicates dropped: 17 same eventId\n") && !analyze.stderr.contains("\\n"), "\(analyze.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("proxylens.sqlite").path))
        let crossed = try CLI.run(["report", "--fail-on", "lambda-timeout-pinning-leak"], in: folder)
        #expect(crossed.status == 1)
        let below = try CLI.run(["report", "--fail-on", "lambda-timeout-pinning-leak=1000", "--format", "json"], in: folder)
        #expect(below.status == 0)
        let usage = try CLI.run(["report", "--fail-on", "no-such-cause"], in: folder)
        #expect(usage.status == 2)
        let missing = try CLI.run(["report", "--db", "nope.sqlite"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.sqlite"))
        let write = try CLI.run(["sql", "DELETE FROM failure"], in: folder)
        #expect(write.status == 2)
        let rows = try CLI.run(["sql", "--format", "csv", "SELECT count(*) AS n FROM failure"], in: folder)
        #expect(rows.stdout.contains("n\r\n") && rows.status == 0)
        let again = try CLI.run(["ingest", Fixture.samples("incident")], in: folder)
        #expect(again.status == 0 && again.stdout.contains("0 new events"))
    }

    /// A new user's audit: each of these did nothing and exited 0, or left a database behind
    /// that the next command took for a real one.
    @Test("a command that would do nothing says so: no paths, a missing database, a missing path, a gate with no invocation")
    func nothingToDo() throws {
        let folder = try Fixture.temporaryFolder()
        let page = #"{"events":[{"logStreamName":"2026/03/14/[$LATEST]ab","timestamp":1773478800000,"message":"START RequestId: 11111111-1111-4111-8111-111111111111 Version: $LATEST\n"}]}"#
        // Piped into ingest without `-`: a usage error, not "ingested 0 files".
        let piped = try CLI.run(["ingest", "--db", "x.sqlite"], in: folder, stdin: Data(page.utf8))
        #expect(piped.status == 2 && piped.stderr.contains("or - for standard input"), "\(piped.stderr)")
        // A mistyped --db is not made into an empty database that "has no failures".
        let classify = try CLI.run(["classify", "--db", "typo.sqlite"], in: folder)
        #expect(classify.status == 2 && classify.stderr.contains("typo.sqlite: no such database"), "\(classify.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo.sqlite").path))
        // A path that holds no file: status 1, and no database left behind.
        let missing = try CLI.run(["analyze", "--db", "new.sqlite", "no-such-folder"], in: folder)
        #expect(missing.status == 1 && missing.stderr.contains("no input files"), "\(missing.stderr)")
        #expect(missing.stderr.contains("new.sqlite not written"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.sqlite").path))
        // The proxy's logs alone: the report says nothing was judged, and a gate cannot pass.
        let proxyOnly = try CLI.run(["analyze", "--db", "proxy.sqlite", Fixture.samples("incident/cloudwatch/rds-proxy")], in: folder)
        #expect(proxyOnly.status == 0 && proxyOnly.stdout.contains("No Lambda invocations in the database"), "\(proxyOnly.stderr)")
        let gate = try CLI.run(["report", "--db", "proxy.sqlite", "--fail-on", "connection-timeout"], in: folder)
        #expect(gate.status == 2 && gate.stderr.contains("--fail-on: no Lambda invocations"), "\(gate.stderr)")
    }

    /// `failures --help` describes the record: every key of a real NDJSON record is named in
    /// its overview (the --columns option's list does not count).
    @Test("failures --help names every field of the records it writes")
    func failuresHelpNamesEveryField() throws {
        let folder = try Fixture.temporaryFolder()
        _ = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        let record = try CLI.run(["failures", "--format", "ndjson"], in: folder).stdout.split(separator: "\n").first.map(String.init) ?? ""
        let object = try #require(JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
        let help = try CLI.run(["failures", "--help"]).stdout
        let overview = try #require(help.components(separatedBy: "USAGE:").first)
        let words = Set(overview.split(whereSeparator: { !($0.isLetter || $0 == "_") }).map(String.init))
        #expect(object.count >= 13)
        for key in object.keys.sorted() {
            #expect(words.contains(key), "failures --help does not describe the field \(key)")
        }
    }

    /// Every --help says what its statuses mean: 0 and 2 for all; a command with --fail-on says
    /// its threshold's 1, and `analyze` its skipped input's 1 too (both checked by running it).
    @Test("every subcommand's --help gives its exit statuses")
    func helpGivesExitStatuses() throws {
        for name in Self.subcommands {
            let help = try CLI.run([name, "--help"]).stdout
            let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let start = flat.range(of: "Exit status: ") else {
                Issue.record("\(name) --help has no 'Exit status:'")
                continue
            }
            // The sentence, up to its full stop.
            let statuses = String(flat[start.upperBound...].prefix { $0 != "." })
            #expect(statuses.hasPrefix("0 ") && statuses.contains(" 2 "), "\(name): \(statuses)")
            if help.contains("--fail-on <") {
                #expect(statuses.contains("1 a --fail-on threshold"), "\(name): \(statuses)")
            }
        }
        let folder = try Fixture.temporaryFolder()
        let analyze = try CLI.run(["analyze", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(analyze.contains("an input skipped"), "\(analyze)")
        let crossed = try CLI.run(["analyze", Fixture.samples("incident"), "--fail-on", "unclassified"], in: folder)
        #expect(crossed.status == 1)
        let skipped = try CLI.run(["analyze", "--db", "bad.sqlite", Fixture.samples("bad")], in: folder)
        #expect(skipped.status == 1 && skipped.stdout.contains("proxylens report"), "\(skipped.stderr)")
    }

    @Test("a --db that is not an SQLite file is named as such and left as it was")
    func notADatabase() throws {
        let folder = try Fixture.temporaryFolder()
        let page = #"{"events":[{"logStreamName":"2026/03/14/[$LATEST]ab","timestamp":1773478800000,"message":"START RequestId: 11111111-1111-4111-8111-111111111111 Version: $LATEST\n"}]}"#
        let input = try Fixture.write(page, to: "page.json", in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        // The arguments swapped: the input given as the database.
        let result = try CLI.run(["ingest", "--db", input, input], in: folder)
        #expect(result.status == 2 && result.stderr.contains("not an SQLite database (is --db naming an input file?)"), "\(result.stderr)")
        #expect(!result.stderr.contains("PRAGMA"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test("ingest exits 1 and names the file and line when something was skipped")
    func ingestProblemExit() throws {
        let folder = try Fixture.temporaryFolder()
        let bad = try Fixture.write("{\"events\": [{\"logStreamName\": \"s\", \"timestamp\": 1, \"message\": \"x\"},\n {\"logStreamName\": \"s\", \"time", to: "cut.json", in: folder)
        let result = try CLI.run(["ingest", "--db", "x.sqlite", bad], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cut.json:2:"), "\(result.stderr)")
        #expect(result.stdout.contains("1 new events"))
    }

    /// --strict's stop is status 2, which the help's exit statuses say (not only "usage or
    /// database error").
    @Test("ingest --strict stops with status 2, and ingest --help says so")
    func strictExitIsDocumented() throws {
        let folder = try Fixture.temporaryFolder()
        let stopped = try CLI.run(["ingest", "--db", "x.sqlite", "--strict", Fixture.samples("bad")], in: folder)
        #expect(stopped.status == 2 && stopped.stderr.contains("(stopped: --strict)"), "\(stopped.stderr)")
        let help = try CLI.run(["ingest", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let statuses = try #require(help.components(separatedBy: "Exit status: ").dropFirst().first?.components(separatedBy: "Example:").first)
        #expect(statuses.contains("2 usage or database error, or --strict"), "\(statuses)")
    }

    /// A bad value ends with its own command's usage and says what is wrong with it: an unknown
    /// column (found only once the records were read, and then shown with the root's usage),
    /// and a negative number, which the parser took for an option ("Missing value for '--top'").
    @Test("usage errors name the command and the real problem, negative numbers included")
    func usageErrorsNameTheProblem() throws {
        let folder = try Fixture.temporaryFolder()
        _ = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        let cases: [(arguments: [String], says: String)] = [
            (["failures", "--columns", "time,bogus"], "Error: --columns: no column 'bogus' (one of request_id, function, "),
            (["failures", "--group", "--columns", "request_id"], "Error: --columns: no column 'request_id' (one of cause, fingerprint, "),
            (["report", "--top", "-1"], "Error: --top: expected a count of at least 1, got -1"),
            (["report", "--top=-1"], "Error: --top: expected a count of at least 1, got -1"),
            (["analyze", Fixture.samples("incident"), "--top", "0"], "Error: --top: expected a count of at least 1, got 0"),
            (["report", "--window", "-5m"], "Error: --window: expected a duration like 5m, 300s or 1h, got '-5m'"),
            (["report", "--series-window", "-1m"], "Error: --series-window: expected auto or a duration like 15s, 5m or 1d, got '-1m'"),
            (["analyze", "--stdin-limit", "-1", "-"], "Error: --stdin-limit: expected a size like 512M or 16G, got '-1'"),
        ]
        for (arguments, says) in cases {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(says), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("Usage: proxylens \(arguments[0]) "), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Missing value"), "\(arguments): \(result.stderr)")
        }
        // The columns are still picked as before.
        let picked = try CLI.run(["failures", "--format", "csv", "--columns", "cause,time"], in: folder)
        #expect(picked.status == 0 && picked.stdout.hasPrefix("cause,time\r\n"), "\(picked.stderr)")
    }

    @Test("stdin is an input")
    func standardInput() throws {
        let folder = try Fixture.temporaryFolder()
        let page = #"{"events":[{"logStreamName":"2026/03/14/[$LATEST]ab","timestamp":1773478800000,"message":"START RequestId: 11111111-1111-4111-8111-111111111111 Version: $LATEST\n"}]}"#
        let result = try CLI.run(["ingest", "--db", "x.sqlite", "--log-group", "/aws/lambda/stdin-fn", "-"], in: folder, stdin: Data(page.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 new events"))
        #expect(!result.stderr.contains("name no log group"))
        // Without --log-group nothing names the events' group: said (a new user's audit found
        // function `unknown` in every report with no word why), and how to set it.
        let unnamed = try CLI.run(["ingest", "--db", "y.sqlite", "-"], in: folder, stdin: Data(page.utf8))
        #expect(unnamed.status == 0 && unnamed.stdout.contains("1 note"), "\(unnamed.stderr)")
        #expect(unnamed.stderr.contains("-: 1 events name no log group and none could be taken from standard input") && unnamed.stderr.contains("--log-group GROUP"),
                "\(unnamed.stderr)")
        let inspect = try CLI.run(["inspect", "-"], in: folder, stdin: Data(page.utf8))
        #expect(inspect.stdout.contains("none in the export, none in the path; set it with --log-group GROUP)"), "\(inspect.stdout)")
    }
}
