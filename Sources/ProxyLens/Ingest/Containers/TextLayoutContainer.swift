/// The line-oriented containers (`TextExportReader`): CreateExportTask objects in S3,
/// `aws logs tail --format detailed` and `--format short`, and RDS Proxy log text. One type, one
/// list entry per layout.
struct TextLayoutContainer: ContainerReader {
    let layout: TextExportReader.Layout

    var name: String { layout.rawValue }

    var examples: [String] {
        switch layout {
        case .s3Export:
            return ["containers/s3-export/audit-exports-730335218964/exportedlogs/ledger-export/f03673ab-b3c1-491e-828e-305fb5f5ee2f/2026/03/14/[$LATEST]95c40540e4450ef6601f6abff4d3b33e/000000.gz",
                    "containers/s3-export/audit-exports-730335218964/exportedlogs/ledger-sql-proxy/4a165583-1580-4c71-9b49-7b668967e669/58b41ec6a799e7f63d2f71b1638e7992/000000.gz"]
        case .tailDetailed: return ["containers/tail/ledger-export_detailed_color.log", "incident/proxy-journal.log"]
        case .tailShort: return ["containers/tail/catalog-pg-proxy_short.log"]
        case .proxyText: return []
        }
    }

    func recognises(_ sample: ContentSample) -> Bool {
        // The path of a CreateExportTask object names its stream, whatever its lines look like.
        if sample.exportLayout != nil, sample.textVote.timestamped > 0 { return layout == .s3Export }
        return sample.textVote.winner == layout
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        let stream: String
        if layout == .s3Export, let exportLayout = context.exportLayout { stream = exportLayout.stream } else {
            stream = context.streamFromPath
        }
        if let misfit = context.vote.misfit(layout) { sink.note(IngestIssue(line: 1, reason: misfit, keptData: true)) }
        let reader = TextExportReader(layout: layout, logGroup: context.options.logGroup, defaultStream: stream)
        try reader.read(window, into: sink)
        return name
    }
}
