import Foundation
import Testing
@testable import ProxyLens

/// The page a person opens: its structure, as `docs/report-*.png` show it.
@Suite("HTML report")
struct HTMLReportTests {
    @Test("the page: verdict first, failures and pressure charts on one labelled UTC axis, breakdowns, instances linked to their failures, version")
    func structure() throws {
        let report = try ReportBuilder(database: try ReportTests.samplesDatabase()).build(ReportOptions())
        let html = ReportRenderer.render(report, format: .html, options: RenderOptions(generatedAt: CIFormatTests.generatedAt))
        func index(_ needle: String) -> String.Index? { html.range(of: needle)?.lowerBound }

        // A one-line verdict before anything else.
        let verdict = try #require(html.firstMatch(of: /<p class="verdict" id="verdict">([^<]+)<\/p>/)?.1)
        #expect(verdict.hasPrefix("52 of 407 invocations failed (12.8%)"))
        #expect(verdict.contains("4 connection timeouts follow from 2 pinning leaks"))
        #expect(index("id=\"verdict\"")! < index("<svg")!)
        // Version and generation time.
        #expect(html.contains("proxylens \(ProxyLensVersion.current), generated 2026-03-14T09:20:00.000Z"))

        // Both charts in one SVG: the failure timeline, then a pressure panel per proxy, sharing the axis.
        let svgs = html.components(separatedBy: "<svg").count - 1
        #expect(svgs == 1)
        let chart = String(html[index("<svg")!..<html.range(of: "</svg>")!.upperBound])
        #expect(chart.contains("<g id=\"chart-failures\">") && chart.contains("Failures per 10s bin, by cause"))
        #expect(chart.contains("<g id=\"chart-pressure-1\"") && chart.contains("<g id=\"chart-pressure-2\""))
        #expect(chart.contains("journal-sql-proxy: most open at once per 10s bin"))
        for series in ["client sessions", "pinned sessions", "database connections", "borrow timeouts"] { #expect(chart.contains(series)) }
        // The time axis: UTC, the date, round times; gridlines and y ticks.
        #expect(chart.contains("aria-label=\"time axis, UTC\""))
        #expect(chart.contains(">2026-03-14 UTC</text>"))
        for tick in ["09:06", "09:10", "09:16", "09:24"] { #expect(chart.contains(">\(tick)</text>"), "tick \(tick)") }
        #expect(chart.components(separatedBy: "class=\"grid\"").count > 20)
        #expect(chart.contains("class=\"tick\">0</text>") && chart.contains("class=\"tick\">3</text>"))
        // Every bar and line inside the plot: none past the axis' ends.
        let xs = chart.matches(of: /x="(-?[0-9.]+)"/).compactMap { Double($0.1) }
        #expect(xs.allSatisfy { $0 >= 0 && $0 <= HTMLTimeAxis.width })

        // Breakdowns by function and by proxy.
        #expect(html.contains("<h2>By function</h2>") && html.contains("<td>journal-writer</td><td class=n>94</td><td class=n>19</td>"))
        #expect(html.contains("<h2>By proxy</h2>") && html.contains("<td class=n>600 s</td>"))
        // Each instance row links to its failures on the page, each target lists them.
        let links = html.matches(of: /href="#(instance-[0-9]+)"/).map { String($0.1) }
        #expect(links.count == min(10, report.instances.count))
        for link in links { #expect(html.contains("<h3 id=\"\(link)\">")) }
        let afterTarget = html[index("<h3 id=\"instance-1\">")!...]
        let firstTarget = String(afterTarget[..<afterTarget.range(of: "</table>")!.upperBound])
        #expect(firstTarget.components(separatedBy: "<tr><td>2026-03-14T").count - 1 == report.instances[0].failures)

        // Self-contained: no scripts, nothing loaded (links only within the page).
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(html.matches(of: /href="([^"]*)"/).allSatisfy { $0.1.hasPrefix("#") })
    }
}
