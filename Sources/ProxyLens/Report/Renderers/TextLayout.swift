/// Text laid out for a terminal of a given width, in display columns (`DisplayWidth`): tables
/// whose numbers are right-aligned and whose cells are fitted to the width (ids cut from the
/// left so their unique end stays, prose wrapped at word boundaries, nothing cut without `…`),
/// and paragraphs wrapped with a hanging indent.
public enum TextLayout {
    /// How a column's cells fit when the table is too wide.
    public enum Fit: Sendable {
        /// Never narrowed (times, counts, cause names).
        case keep
        /// Cut at the end with `…`.
        case cutEnd
        /// Cut at the start with `…`, keeping the end (ids whose end is the unique hash).
        case cutStart
        /// A Lambda log stream (`2026/03/14/[$LATEST]29a883b2…`): narrowed first, to
        /// `…[$LATEST]29a883b2…` (the version and the start of the unique hash), then cut at the start.
        case id
        /// Wrapped at word boundaries onto more lines.
        case wrap
    }

    public struct Column: Sendable {
        public var name: String
        public var rightAligned: Bool
        public var fit: Fit
        /// The narrowest it may become when fitting.
        public var minWidth: Int
        public init(_ name: String, right: Bool = false, fit: Fit = .keep, min: Int = 8) {
            self.name = name
            rightAligned = right
            self.fit = fit
            minWidth = min
        }
    }

    /// The table fitted to `width` columns (nil or `wide`: every cell whole), two spaces between
    /// columns, a dashed rule under the header, no trailing spaces. `style` colours a cell's
    /// visible text (row index, column index, text) after the layout is made.
    public static func table(_ columns: [Column], _ rows: [[String]], width: Int?, wide: Bool = false,
                             style: ((Int, Int, String) -> String)? = nil) -> String {
        let count = columns.count
        var widths = columns.map { DisplayWidth.of($0.name) }
        for row in rows { for (i, cell) in row.enumerated() where i < count { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        if let width, !wide {
            let gaps = 2 * max(0, count - 1)
            // Ids first, down to their short form.
            for i in 0..<count where columns[i].fit == .id && widths.reduce(0, +) + gaps > width {
                let short = rows.map { i < $0.count ? DisplayWidth.of(shortID($0[i])) : 0 }.max() ?? 0
                widths[i] = max(DisplayWidth.of(columns[i].name), min(widths[i], max(short, widths[i] - (widths.reduce(0, +) + gaps - width))))
            }
            // Narrow the column with the most room above its minimum, one column at a time.
            while widths.reduce(0, +) + gaps > width {
                var best = -1, room = 0
                for i in 0..<count where columns[i].fit != .keep {
                    let floor = max(columns[i].minWidth, min(DisplayWidth.of(columns[i].name), columns[i].minWidth))
                    if widths[i] - floor > room { room = widths[i] - floor; best = i }
                }
                if best < 0 { break }
                widths[best] -= min(room, widths.reduce(0, +) + gaps - width)
            }
        }
        func lines(_ text: String, _ i: Int) -> [String] {
            let w = widths[i]
            guard DisplayWidth.of(text) > w else { return [text] }
            switch columns[i].fit {
            case .keep: return [text]
            case .cutEnd: return [cutEnd(text, w)]
            case .cutStart: return [cutStart(text, w)]
            case .id:
                let short = shortID(text)
                return [DisplayWidth.of(short) <= w ? short : cutStart(text, w)]
            case .wrap: return wrap(text, width: w)
            }
        }
        func render(_ cells: [[String]], row: Int?) -> String {
            let height = cells.map(\.count).max() ?? 1
            var out = ""
            for line in 0..<height {
                var parts: [String] = []
                for i in 0..<count {
                    let text = line < cells[i].count ? cells[i][line] : ""
                    let pad = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(text)))
                    let shown = row.flatMap { r in style.map { $0(r, i, text) } } ?? text
                    parts.append(columns[i].rightAligned ? pad + shown : shown + pad)
                }
                out += trimTrailing(parts.joined(separator: "  ")) + "\n"
            }
            return out
        }
        var out = render(columns.enumerated().map { i, c in [DisplayWidth.of(c.name) > widths[i] ? cutEnd(c.name, widths[i]) : c.name] }, row: nil)
        out += trimTrailing(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) + "\n"
        for (r, row) in rows.enumerated() {
            out += render((0..<count).map { i in lines(i < row.count ? row[i] : "", i) }, row: r)
        }
        return out
    }

    /// A Lambda log stream name `YYYY/MM/DD/[VERSION]HASH` as `…[VERSION]` and the hash's first
    /// 8 characters and `…`; any other text as it is.
    public static func shortID(_ text: String) -> String {
        guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return text }
        let hash = text[text.index(after: close)...]
        guard hash.count > 9 else { return text }
        return "…" + text[open...close] + hash.prefix(8) + "…"
    }

    /// `text` in at most `width` columns, cut at the end with `…`.
    public static func cutEnd(_ text: String, _ width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` in at most `width` columns, cut at the start with `…` (the end kept).
    public static func cutStart(_ text: String, _ width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var kept: [Character] = [], used = 0
        for ch in text.reversed() {
            let w = DisplayWidth.of(String(ch))
            if used + w > width - 1 { break }
            kept.append(ch)
            used += w
        }
        return "…" + String(kept.reversed())
    }

    /// Lines of at most `width` columns, broken at spaces; a word longer than a line is broken
    /// after a `-`, `/` or `,` in it where there is one, else inside.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            let needed = DisplayWidth.of(line) + (line.isEmpty ? 0 : 1) + DisplayWidth.of(word)
            if needed <= width {
                line += (line.isEmpty ? "" : " ") + word
                continue
            }
            // A word longer than any line (CJK text has no spaces) fills the current line first.
            let room = width - DisplayWidth.of(line) - 1
            if !line.isEmpty, DisplayWidth.of(word) > width, room >= 4 {
                let head = cutHard(word, room)
                line += " " + head
                word = String(word.dropFirst(head.count))
            }
            if !line.isEmpty { lines.append(line); line = "" }
            while DisplayWidth.of(word) > width {
                var head = cutHard(word, width)
                if let cut = head.lastIndex(where: { $0 == "-" || $0 == "/" || $0 == "," }), cut != head.startIndex {
                    head = String(head[...cut])
                }
                lines.append(head)
                word = String(word.dropFirst(head.count))
            }
            line = word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(trimTrailing(line)) }
        return lines.map(trimTrailing)
    }

    /// A paragraph wrapped to `width`: `first` before its first line, `indent` before the others.
    public static func paragraph(_ text: String, width: Int, first: String = "", indent: String = "") -> String {
        let lines = wrap(text, width: max(10, width - max(DisplayWidth.of(first), DisplayWidth.of(indent))))
        return lines.enumerated().map { ($0 == 0 ? first : indent) + $1 + "\n" }.joined()
    }

    /// The longest prefix of `text` in `width` columns (at least one character).
    static func cutHard(_ text: String, _ width: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(String(ch))
            if used + w > width, !out.isEmpty { break }
            out.append(ch)
            used += w
        }
        return out
    }

    static func trimTrailing(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
