import Foundation

/// The one time axis the page's charts share: the same span, left margin and width in every
/// SVG, ticks at round times (dates where the day changes, UTC said once), gridlines through
/// each chart, and y ticks at round numbers.
struct HTMLTimeAxis {
    let start: Int64, end: Int64
    static let width = 1000.0, left = 56.0, right = 16.0
    var plotWidth: Double { Self.width - Self.left - Self.right }

    func x(_ ms: Int64) -> Double {
        Self.left + Double(ms - start) / Double(max(1, end - start)) * plotWidth
    }

    /// Round tick steps in seconds; the first giving at most 10 ticks is used.
    static let tickSteps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200,
                                     86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400, 91 * 86_400, 182 * 86_400, 364 * 86_400]

    var ticks: [Int64] {
        let span = max(1, end - start)
        let step = (Self.tickSteps.first { span / ($0 * 1000) <= 10 } ?? (span / 10_000 + 1)) * 1000
        var tick = (start + step - 1) / step * step
        var out: [Int64] = []
        while tick <= end { out.append(tick); tick += step }
        return out
    }

    /// Vertical gridlines over `top`…`bottom` at each tick.
    func grid(top: Double, bottom: Double) -> String {
        ticks.map { "<line class=\"grid\" x1=\"\(f(x($0)))\" y1=\"\(f(top))\" x2=\"\(f(x($0)))\" y2=\"\(f(bottom))\"/>" }.joined(separator: "\n") + "\n"
    }

    /// Tick labels under `y`: the time, and the date under the first tick and wherever the day
    /// changes (dates alone when ticks are days apart); "UTC" said once, under the first.
    func labels(y: Double) -> String {
        let ticks = self.ticks
        let daily = ticks.count > 1 && (ticks[1] - ticks[0]) >= 86_400_000
        let seconds = ticks.count > 1 && (ticks[1] - ticks[0]) < 60_000
        var out = "<g class=\"axis\" aria-label=\"time axis, UTC\">\n"
        var lastDate = ""
        for tick in ticks {
            let iso = Timestamp.iso(tick)
            let date = String(iso.prefix(10))
            let px = min(max(x(tick), Self.left + 30), Self.width - Self.right - 30)
            if daily {
                out += "<text x=\"\(f(px))\" y=\"\(f(y))\" text-anchor=\"middle\">\(date)</text>\n"
                if lastDate.isEmpty { out += "<text x=\"\(f(px))\" y=\"\(f(y + 14))\" text-anchor=\"middle\" class=\"unit\">UTC</text>\n" }
            } else {
                let time = String(iso.dropFirst(11).prefix(seconds ? 8 : 5))
                out += "<text x=\"\(f(px))\" y=\"\(f(y))\" text-anchor=\"middle\">\(time)</text>\n"
                if date != lastDate {
                    out += "<text x=\"\(f(px))\" y=\"\(f(y + 14))\" text-anchor=\"middle\" class=\"date\">\(date)\(lastDate.isEmpty ? " UTC" : "")</text>\n"
                }
            }
            lastDate = date
        }
        return out + "</g>\n"
    }

    /// Round y ticks from 0 to at least `peak`: (ticks, the top of the scale).
    static func yTicks(_ peak: Double) -> ([Double], Double) {
        guard peak > 0 else { return ([0, 1], 1) }
        let raw = peak / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let top = (peak / step).rounded(.up) * step
        return (stride(from: 0, through: top + step / 2, by: step).map { $0 }, top)
    }

    /// Y ticks and horizontal gridlines for a panel from `top` to `bottom`, values 0…`scaleTop`.
    func yAxis(_ ticks: [Double], scaleTop: Double, top: Double, bottom: Double) -> String {
        var out = ""
        for value in ticks {
            let y = bottom - value / scaleTop * (bottom - top)
            out += "<line class=\"grid\" x1=\"\(f(Self.left))\" y1=\"\(f(y))\" x2=\"\(f(Self.width - Self.right))\" y2=\"\(f(y))\"/>\n"
            out += "<text x=\"\(f(Self.left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" class=\"tick\">\(ReportRenderer.number(value))</text>\n"
        }
        return out
    }

    func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
