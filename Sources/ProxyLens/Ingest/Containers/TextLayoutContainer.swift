/// The line-oriented containers (`TextExportReader`): CreateExportTask objects in S3,
/// `aws logs tail --format detailed` and `--format short`, RDS Proxy log text, `awslogs get`,
/// `saw get --pretty` / `saw watch`, `cw tail -t` and `sam logs`. One type, one list entry per
/// layout.
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
        case .awslogs: return ["containers/awslogs/catalog-sync_awslogs-get.log", "containers/awslogs/catalog-sync_awslogs-get_timestamp_no-group.log"]
        case .saw: return ["containers/saw/catalog-sync_saw-watch.log"]
        case .cwTail: return ["containers/cw/catalog-sync_cw-tail-t-s.log"]
        case .samLogs: return ["containers/sam-logs/catalog-sync_sam-logs.log"]
        case .awsCLIText: return []
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
        if reader.timesFromMessages + reader.timesFromPreviousEvent > 0 {
            sink.note(IngestIssue(line: 1, reason: "\(layout.rawValue) printed no times (awslogs get without --timestamp): \(reader.timesFromMessages) events took the time their message names, \(reader.timesFromPreviousEvent) the time of the event before them; run it with --timestamp for exact times", keptData: true))
        }
        return name
    }
}
