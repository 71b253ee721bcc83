import Foundation

/// A testsuite per cause with a fixed set of testcases (the cause's total, each instance and
/// each window with failures of it): the same set with or without --fail-on; a testcase fails
/// exactly where a --fail-on gate is crossed.
struct JUnitRenderer: ReportRendering {
    let name = "junit"
    let summary = "A testsuite per cause: one testcase for its total, one per instance and window with failures of it (the same set with or without --fail-on); failing where a --fail-on gate is crossed."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.junit(report, options)
    }
}

extension ReportRenderer {
    public static func junit(_ report: Report, thresholds: [FailThreshold]) -> String {
        junit(report, RenderOptions(thresholds: thresholds))
    }

    /// Testcases are checks on the data, not timed runs: `time` is 0; `timestamp` is when the
    /// report was generated.
    static func junit(_ report: Report, _ options: RenderOptions) -> String {
        func x(_ s: String) -> String { HTMLText.escape(Terminal.clean(s)) }
        let timestamp = Timestamp.iso(options.generatedAt)
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        for cause in Cause.allCases {
            let name = cause.rawValue
            let gate = options.thresholds.first { $0.cause == cause }
            let total = report.count(of: name)
            let crossed = gate.map { total > $0.limit } ?? false
            let gateText = gate.map { $0.limit == 0 ? "--fail-on \(name): any failure" : "--fail-on \(name)=\($0.limit): more than \($0.limit)" }
            var cases: [(classname: String, name: String, failure: (message: String, body: String)?)] = []
            cases.append(("proxylens.\(name)", "\(name) failures in total",
                          crossed ? ("\(total) \(name) failures (\(gateText ?? ""))", "\(total) failures of \(name) in \(report.invocations) invocations") : nil))
            for instance in report.instances {
                let n = instance.causes.first { $0.cause == name }?.failures ?? 0
                guard n > 0 else { continue }
                let function = instance.function + (report.isGuessed(instance.function, kind: "function") ? " (guessed)" : "")
                cases.append(("proxylens.\(name).instance", "\(function) \(instance.instance)",
                              crossed ? ("\(n) \(name) failures on this instance (\(gateText ?? ""), \(total) in total)",
                                         "\(instance.function) \(instance.instance): \(causesText(instance.causes, limit: 5))") : nil))
            }
            for window in report.windows {
                let n = window.causes.first { $0.cause == name }?.failures ?? 0
                guard n > 0 else { continue }
                cases.append(("proxylens.\(name).window", "\(iso(window.start)) … \(iso(window.end))",
                              crossed ? ("\(n) \(name) failures in this window (\(gateText ?? ""), \(total) in total)",
                                         "\(iso(window.start)) … \(iso(window.end)): \(causesText(window.causes, limit: 5))") : nil))
            }
            let failures = cases.filter { $0.failure != nil }.count
            totalTests += cases.count
            totalFailures += failures
            suites += "  <testsuite name=\"proxylens.\(x(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"\(timestamp)\">\n"
            suites += "    <properties><property name=\"proxylens.version\" value=\"\(x(options.version))\"/><property name=\"failures\" value=\"\(total)\"/>"
            suites += "<property name=\"gate\" value=\"\(x(gateText ?? "none"))\"/>"
            if let note = report.guessedNote { suites += "<property name=\"guessed_names\" value=\"\(x(note))\"/>" }
            suites += "</properties>\n"
            for testcase in cases {
                suites += "    <testcase classname=\"\(x(testcase.classname))\" name=\"\(x(testcase.name))\" time=\"0\""
                if let failure = testcase.failure {
                    suites += "><failure message=\"\(x(failure.message))\" type=\"fail-on\">\(x(failure.body))</failure></testcase>\n"
                } else {
                    suites += "/>\n"
                }
            }
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!-- \(x(stamp(options))) -->\n"
            + "<testsuites name=\"proxylens\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" time=\"0\" timestamp=\"\(timestamp)\">\n"
            + suites + "</testsuites>\n"
    }
}
