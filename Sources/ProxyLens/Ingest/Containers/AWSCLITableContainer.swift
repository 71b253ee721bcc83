/// `aws logs filter-log-events` / `get-log-events --output table` (awscli/table.py), recognised
/// only to be refused with a named problem: its cells do not keep a message whole. A cell is
/// written as it is, so a message's line breaks (Lambda messages end with one) split its row
/// across lines with the padding after the break; a `|` in a message looks like a column
/// border; and column widths are counted in display cells (East Asian wide characters count
/// two), so the borders cannot be found by position either. JSON, text or YAML carry the same
/// events whole.
struct AWSCLITableContainer: ContainerReader {
    let name = "aws-cli-table"
    let examples = ["containers/aws-cli-table/catalog-sync_filter-log-events_table.txt"]
    let yields = ContainerYield.nothing

    static let reason = "AWS CLI --output table: its cells do not keep messages whole (line breaks and `|` inside a message break the rows), so it is not read; save the events again with --output json (or text, yaml)"

    func recognises(_ sample: ContentSample) -> Bool {
        // A rule of dashes, then the operation's title row: `|   FilterLogEvents   |`.
        let lines = sample.bytes.split(separator: 0x0a, maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0].count >= 10, lines[0].allSatisfy({ $0 == UInt8(ascii: "-") || $0 == 0x0d }) else { return false }
        let title = String(decoding: ANSI.strip(lines[1].withUnsafeBufferPointer { $0 }), as: UTF8.self).trimmingWhitespaceAndNewlines()
        return title.hasPrefix("|") && title.hasSuffix("|")
            && ["FilterLogEvents", "GetLogEvents"].contains(String(title.dropFirst().dropLast()).trimmingWhitespaceAndNewlines())
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        throw ProxyLensError(.input, context.path, Self.reason)
    }
}
