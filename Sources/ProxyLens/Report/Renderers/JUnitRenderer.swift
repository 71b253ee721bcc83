import Foundation

/// A testsuite per cause; a failing testcase per instance or window over a --fail-on threshold.
struct JUnitRenderer: ReportRendering {
    let name = "junit"
    let summary = "A testsuite per cause; a failing testcase per instance or window over a --fail-on threshold."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.junit(report, thresholds: options.thresholds)
    }
}

extension ReportRenderer {
    public static func junit(_ report: Report, thresholds: [FailThreshold]) -> String {
        func x(_ s: String) -> String { HTMLText.escape(Terminal.clean(s)) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        for cause in Cause.allCases {
            let threshold = thresholds.first { $0.cause == cause }
            let total = report.count(of: cause.rawValue)
            var cases = ""
            var tests = 0
            var failures = 0
            for instance in report.instances {
                let n = instance.causes.first { $0.cause == cause.rawValue }?.failures ?? 0
                guard n > 0 || threshold != nil else { continue }
                tests += 1
                cases += "    <testcase classname=\"\(x(cause.rawValue)).instance\" name=\"\(x(instance.function)) \(x(instance.instance))\">"
                if let threshold, n > threshold.limit, total > threshold.limit {
                    failures += 1
                    cases += "<failure message=\"\(n) \(x(cause.rawValue)) failures on this instance (threshold: more than \(threshold.limit) in total)\">"
                    cases += x("\(instance.function) \(instance.instance): \(causesText(instance.causes, limit: 5))") + "</failure>"
                }
                cases += "</testcase>\n"
            }
            for window in report.windows {
                let n = window.causes.first { $0.cause == cause.rawValue }?.failures ?? 0
                guard n > 0 else { continue }
                tests += 1
                cases += "    <testcase classname=\"\(x(cause.rawValue)).window\" name=\"\(iso(window.start))\">"
                if let threshold, total > threshold.limit {
                    failures += 1
                    cases += "<failure message=\"\(n) \(x(cause.rawValue)) failures in this window\">" + x("\(iso(window.start)) … \(iso(window.end)): \(causesText(window.causes, limit: 5))") + "</failure>"
                }
                cases += "</testcase>\n"
            }
            if tests == 0 {
                tests = 1
                cases = "    <testcase classname=\"\(x(cause.rawValue))\" name=\"no \(x(cause.rawValue)) failures\"/>\n"
            }
            totalTests += tests
            totalFailures += failures
            suites += "  <testsuite name=\"proxylens.\(x(cause.rawValue))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n\(cases)  </testsuite>\n"
        }
        out += "<testsuites name=\"proxylens\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n" + suites + "</testsuites>\n"
        return out
    }
}
