import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// `--output` paths that cannot be written: the message names the path and says what is wrong
/// with it in words (not Foundation's "The operation could not be completed").
@Suite("Output files", .serialized)
struct OutputFileTests {
    /// A folder holding a database of the sample incident, made once.
    static let analyzed: Result<URL, Error> = Result {
        let folder = try Fixture.temporaryFolder()
        let result = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        guard result.status == 0 else { throw ProxyLensError(.input, "analyze", result.stderr) }
        return folder
    }

    static func plain(_ stderr: String) -> Bool {
        !stderr.contains("could not be completed") && !stderr.contains("NSCocoaErrorDomain")
    }

    @Test("report, analyze and alarms --output: a folder, a missing folder, a file as a folder, a full disk")
    func commandLine() throws {
        let folder = try Self.analyzed.get()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("existing"), withIntermediateDirectories: true)
        _ = try Fixture.write("x", to: "plain-file", in: folder)
        let cases: [(arguments: [String], says: String)] = [
            (["alarms", "--format", "terraform", "--output", "existing"], "existing: cannot write the alarms: it is a folder; give a file name"),
            (["report", "--output", "existing"], "existing: cannot write the report: it is a folder; give a file name"),
            (["report", "--output", "/nonexistent/dir/x.json"], "/nonexistent/dir/x.json: cannot write the report: the folder /nonexistent/dir does not exist"),
            (["analyze", Fixture.samples("incident"), "--output", "no-such/x.md"], "no-such/x.md: cannot write the report: the folder no-such does not exist"),
            (["report", "--output", "plain-file/x.json"], "plain-file/x.json: cannot write the report: plain-file is a file, not a folder"),
            (["alarms", "--format", "cli", "--output", "plain-file"], "plain-file: cannot create the folder for the alarms: it is a file, not a folder"),
            (["alarms", "--format", "cli", "--output", "plain-file/alarms"], "plain-file/alarms: cannot create the folder for the alarms: plain-file is a file, not a folder"),
            (["report", "--output", "/dev/full"], "/dev/full: cannot write the report: no space left on the device"),
        ]
        for (arguments, says) in cases {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("proxylens: " + says) && Self.plain(result.stderr), "\(arguments): \(result.stderr)")
        }
        // What can be written still is, whole.
        let written = try CLI.run(["report", "--format", "json", "--output", "existing/report.json"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("existing/report.json"), encoding: .utf8)
        #expect(text.hasPrefix("{") && text.hasSuffix("}\n"))
        let cli = try CLI.run(["alarms", "--format", "cli", "--output", "existing/new/alarms"], in: folder)
        #expect(cli.status == 0, "\(cli.stderr)")
    }

    /// What no test can bring about as root (permissions) is read from errno the same way.
    @Test("each errno a write can end with is said in words")
    func reasons() {
        #expect(OutputFile.reason(EACCES, path: "/srv/no-such.json", creating: "a file") == "no permission to create a file in /srv")
        #expect(OutputFile.reason(EACCES, path: "/etc/hostname", creating: "a file") == "no permission to write it")
        #expect(OutputFile.reason(EACCES, path: "out/alarms", creating: "a folder") == "no permission to create a folder in out")
        #expect(OutputFile.reason(EROFS, path: "/srv/x.json", creating: "a file") == "the file system is read-only")
        #expect(OutputFile.reason(ENAMETOOLONG, path: "x", creating: "a file") == "the path is too long")
        #expect(OutputFile.reason(EDQUOT, path: "x", creating: "a file") == "the disk quota is used up")
        #expect(OutputFile.reason(EIO, path: "x", creating: "a file") == String(cString: strerror(EIO)))
    }
}
