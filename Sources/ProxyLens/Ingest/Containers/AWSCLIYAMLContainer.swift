/// `aws logs filter-log-events` / `get-log-events --output yaml` and `--output yaml-stream` (AWS
/// CLI v2), told by their first line (`events:` or `- events:`: keys are sorted, and `events`
/// comes before every other key of both responses). get-log-events events name no stream:
/// `--log-stream`, else the file name.
struct AWSCLIYAMLContainer: ContainerReader {
    let name = "aws-cli-yaml"
    let examples = ["containers/aws-cli-yaml/catalog-sync_filter-log-events.yaml",
                    "containers/aws-cli-yaml/catalog-sync_filter-log-events_yaml-stream.yaml",
                    "containers/aws-cli-yaml/2026-03-14-[$LATEST]786b078e2b47ad9280de8f84f1e24165.yaml"]

    func recognises(_ sample: ContentSample) -> Bool { AWSCLIYAMLReader.recognises(sample.bytes) }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        var reader = AWSCLIYAMLReader(logGroup: context.options.logGroup, defaultStream: context.streamFromPath)
        try reader.read(window, into: sink)
        return reader.streamed ? "aws-cli-yaml-stream" : name
    }
}
