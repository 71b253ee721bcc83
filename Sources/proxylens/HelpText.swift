extension String {
    /// Help text written with line breaks inside paragraphs, joined into one line a paragraph
    /// so that the help is wrapped once, at the terminal's width, not at each source line too.
    /// Blank lines and indented lines (examples) are kept as they are.
    var reflowed: String {
        var lines: [String] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let last = lines.last, !last.isEmpty, !last.hasPrefix(" "), !line.isEmpty, !line.hasPrefix(" ") {
                lines[lines.count - 1] = last + " " + line
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }
}
