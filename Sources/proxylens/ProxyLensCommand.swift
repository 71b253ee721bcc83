import ArgumentParser
import Foundation
import ProxyLens

@main
struct ProxyLensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxylens",
        abstract: "Find out why AWS Lambda functions failed to use their database through Amazon RDS Proxy.",
        discussion: """
            Point it at CloudWatch Logs exports of your Lambda and RDS Proxy log groups (and, if you have
            them, describe-db-proxies / get-function-configuration output). It loads them into one SQLite
            file, labels every failed invocation with its root cause, and reports the causes ranked by
            instance and time window.

            Example:
              proxylens analyze samples/incident
            """.reflowed,
        version: ProxyLensVersion.current,
        subcommands: [Analyze.self, Ingest.self, Inspect.self, Merge.self, Classify.self, Report.self, Failures.self, Alarms.self, Sql.self, Schema.self]
    )
}

extension ProxyLensCommand {
    /// As ArgumentParser's, but usage errors exit 2 (the documented status), not 64.
    static func main() {
        MemoryTuning.keepLargeBlocksMapped()
        // A closed pipe is a write error to report (or, on standard error, to ignore), not a
        // reason to die mid-file.
        signal(SIGPIPE, SIG_IGN)
        Interrupt.install()
        do {
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch let exit as ExitCode {
                // What was written before a threshold or a skipped input still has to get out.
                do { try Output.standard.flush() } catch { throw Exit.fail(error) }
                throw exit
            }
            do { try Output.standard.flush() } catch { throw Exit.fail(error) }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.raw(fullMessage(for: error) + "\n")
                Foundation.exit(Exit.usageOrInput.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Options every subcommand that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file.", valueName: "file"))
    var db: String = "proxylens.sqlite"
}

/// Writes to standard error (progress, problems, notes). Standard output carries results only.
enum Console {
    /// One message line, every control and bidi character in it escaped (`Terminal.escape`):
    /// file names and quoted log text cannot write to the terminal or forge a line. A failed
    /// write is ignored: a closed standard error must not stop an ingest mid-file.
    static func error(_ text: String) {
        raw(Terminal.escape(text) + "\n")
    }

    /// Text as it is (progress with its carriage return), write errors ignored.
    static func raw(_ text: String) {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            written += n
        }
    }

    /// A name as messages quote it (escaped when the line is written).
    static func quoted(_ name: String) -> String { "'\(name)'" }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// The width tables are laid out for: `COLUMNS` when set, else the terminal's (ioctl
    /// TIOCGWINSZ on standard output), else 100 (piped).
    static var width: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if stdoutIsTerminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// auto: on a terminal, when NO_COLOR is not set and the output is not a file.
    func enabled(toFile: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return !toFile && Console.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
    }
}

/// Exit statuses, as documented in the README.
enum Exit {
    static let thresholdCrossed = ExitCode(1)
    static let skippedInput = ExitCode(1)
    static let usageOrInput = ExitCode(2)

    /// Prints a ProxyLensError the way users read them and picks the status.
    static func fail(_ error: Error) -> ExitCode {
        if Interruption.requested || error is Interruption.Stopped {
            Console.error(String(Interrupt.message.dropLast()))
        } else {
            Console.error("proxylens: \(error)")
        }
        return usageOrInput
    }
}
