/// `aws logs filter-log-events` / `get-log-events --output text` (`AWSCLITextReader`), told by
/// the vote over the sampled lines: most lines that begin an event are `EVENTS\t<digits>` rows.
/// get-log-events rows name no stream: `--log-stream`, else the file name.
struct AWSCLITextContainer: ContainerReader {
    let name = "aws-cli-text"
    let examples = ["containers/aws-cli-text/catalog-sync_filter-log-events.txt",
                    "containers/aws-cli-text/2026-03-14-[$LATEST]786b078e2b47ad9280de8f84f1e24165.txt"]

    func recognises(_ sample: ContentSample) -> Bool { sample.textVote.winner == .awsCLIText }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        if let misfit = context.vote.misfit(.awsCLIText) { sink.note(IngestIssue(line: 1, reason: misfit, keptData: true)) }
        var reader = AWSCLITextReader(logGroup: context.options.logGroup, defaultStream: context.streamFromPath)
        try reader.read(window, into: sink)
        return name
    }
}
