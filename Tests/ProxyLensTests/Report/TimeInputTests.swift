import Foundation
import Testing
@testable import ProxyLens

/// `--since` / `--until`: every accepted form, the refusals, and the CLI's messages and status.
@Suite("Time input")
struct TimeInputTests {
    @Test("every example of TimeInput.examples is read as it says")
    func everyExample() throws {
        #expect(TimeInput.examples.count >= 12)
        for example in TimeInput.examples {
            #expect(try TimeInput.parse(example.text, option: "--since") == example.value, "\(example.text) (\(example.form))")
        }
        // The absolute examples all name 09:15 UTC but the date alone: the table is consistent.
        let absolute = TimeInput.examples.compactMap { if case .absolute(let ms) = $0.value { return ms } else { return nil } }
        #expect(Set(absolute).count == 3)
        #expect(Timestamp.iso(1_773_479_700_000) == "2026-03-14T09:15:00.000Z")
    }

    @Test("what is not a time is refused, naming the option and the value")
    func refusals() {
        for text in ["", "yesterday", "2026-03-14T9:15", "2026-03-14T09:15:00Zjunk", "2026-02-30", "2026-03-14T25:00Z", "123",
                     "-30", "-m", "-30x", "+30m", "2026-03-14T09:15+99:99", "2026-03-14T09:15:00 UTC", "17734797000001234567"] {
            #expect(throws: ProxyLensError.self, "\(text)") { try TimeInput.parse(text, option: "--until") }
            do { _ = try TimeInput.parse(text, option: "--until") } catch {
                #expect("\(error)".hasPrefix("--until: expected an ISO-8601 time"))
                #expect("\(error)".contains("'\(text)'"))
            }
        }
    }

    @Test("a relative time counts back from the last event; with no event it is an error")
    func relative() throws {
        #expect(try TimeInput.beforeLastEvent(60_000).resolve(option: "--since", lastEvent: { 1_000_000 }) == 940_000)
        #expect(throws: ProxyLensError.self) { try TimeInput.beforeLastEvent(1).resolve(option: "--since", lastEvent: { nil }) }
        var asked = false
        #expect(try TimeInput.absolute(5).resolve(option: "--since", lastEvent: { asked = true; return 9 }) == 5)
        #expect(!asked)
    }

    @Test("the CLI: -30m as a value, the same selection as the absolute time, bad times exit 2", .enabled(if: cliAvailable))
    func commandLine() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["analyze", "--db", "t.sqlite", Fixture.samples("incident")], in: folder).status == 0)
        // The sample's last event is 2026-03-14T09:24:27.122Z; 10 minutes before it:
        let relative = try CLI.run(["failures", "--db", "t.sqlite", "--since", "-10m", "--format", "csv"], in: folder)
        let absolute = try CLI.run(["failures", "--db", "t.sqlite", "--since", "2026-03-14T09:14:27.122Z", "--format", "csv"], in: folder)
        #expect(relative.status == 0, "\(relative.stderr)")
        #expect(relative.stdout == absolute.stdout)
        // CSV rows end in CRLF, one Character to Swift: counted as bytes.
        #expect(relative.stdout.utf8.filter { $0 == 10 }.count > 10)
        let epoch = try CLI.run(["report", "--db", "t.sqlite", "--since", "1773479700000", "--until", "2026-03-14T09:20", "--format", "json"], in: folder)
        let minutes = try CLI.run(["report", "--db", "t.sqlite", "--since", "2026-03-14T10:15+01:00", "--until", "2026-03-14T09:20:00Z", "--format", "json"], in: folder)
        #expect(epoch.status == 0 && epoch.stdout.contains("\"first\":\"2026-03-14T09:15"))
        func withoutStamp(_ text: String) -> String { text.split(separator: "\n").filter { !$0.hasPrefix("\"generated_at\"") }.joined(separator: "\n") }
        #expect(withoutStamp(epoch.stdout) == withoutStamp(minutes.stdout))
        for (command, option) in [("report", "--since"), ("failures", "--until"), ("analyze", "--since")] {
            let bad = try CLI.run([command, "--db", "t.sqlite", option, "2026-03-14T9:15"] + (command == "analyze" ? [Fixture.samples("incident")] : []), in: folder)
            #expect(bad.status == 2, "\(command)")
            #expect(bad.stderr.contains("\(option): expected an ISO-8601 time") && bad.stderr.contains("'2026-03-14T9:15'"), "\(bad.stderr)")
        }
        let help = try CLI.run(["report", "--help"]).stdout
        #expect(help.contains("before the data's last event"))
    }
}
