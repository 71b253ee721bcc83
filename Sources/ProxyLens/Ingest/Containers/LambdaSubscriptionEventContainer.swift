import Foundation

/// What a Lambda subscription destination receives: `{"awslogs": {"data": "<base64 gzip payload>"}}`,
/// saved to a file (test events, dead-letter queues).
struct LambdaSubscriptionEventContainer: ContainerReader {
    let name = "subscription-lambda-event"
    let examples = ["containers/subscription/lambda-destination-event.json"]

    static let maximumBytes = 64 << 20

    func recognises(_ sample: ContentSample) -> Bool { sample.firstKey == "awslogs" }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        let payload = try Self.decode(window, path: context.path)
        var reader = CloudWatchJSONReader(defaultStream: context.options.logStream, defaultGroup: context.options.logGroup)
        defer { if let note = reader.nonStringNote { sink.note(note) } }
        try reader.read(ByteWindow(try GzipByteSource(MemoryByteSource(payload), name: context.path)), into: sink)
        return name
    }

    /// The base64 gzip payload inside the event.
    static func decode(_ window: ByteWindow, path: String) throws -> [UInt8] {
        while try window.fill() {
            if window.available > maximumBytes { throw ProxyLensError(.input, path, "a Lambda subscription event over 64 MiB") }
        }
        let data = Data(bytes: window.pointer + window.position, count: window.available)
        window.position = window.end
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let encoded = (object["awslogs"] as? [String: Any])?["data"] as? String,
              let payload = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
            throw ProxyLensError(.input, path, "an awslogs event without base64 data")
        }
        return Array(payload)
    }
}
