import Foundation

/// `describe-db-proxies`, `describe-db-proxy-target-groups`, `get-function-configuration`,
/// `get-function-concurrency`, `describe-export-tasks` output: read whole, stored as configuration.
struct ConfigurationContainer: ContainerReader {
    let name = "configuration"
    let yields = ContainerYield.configuration
    let examples = [
        "containers/config/describe-db-proxies.json",
        "containers/config/describe-db-proxy-target-groups_catalog-pg-proxy.json",
        "containers/config/get-function-configuration_catalog-sync.json",
        "containers/config/get-function-concurrency_catalog-sync.json",
        "containers/s3-export/describe-export-tasks.json",
    ]

    /// First keys of the documents, as the AWS CLI prints them.
    static let firstKeys: Set<Substring> = [
        "DBProxies", "TargetGroups", "FunctionName", "Configuration", "ReservedConcurrentExecutions", "exportTasks",
        "ExportTasks", "FunctionArn",
    ]

    /// Documents larger than this are not configuration.
    static let maximumBytes = 32 << 20

    func recognises(_ sample: ContentSample) -> Bool {
        guard sample.firstByte == UInt8(ascii: "{") else { return false }
        // `{}`: what get-function-concurrency prints for a function without reserved concurrency.
        if sample.firstKey == nil { return sample.bytes.allSatisfy { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 <= 0x20 } }
        return sample.firstKey.map(Self.firstKeys.contains) ?? false
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        while try window.fill() {
            if window.available > Self.maximumBytes { throw ProxyLensError(.input, context.path, "a configuration document over 32 MiB") }
        }
        let data = Data(bytes: window.pointer + window.position, count: window.available)
        window.position = window.end
        let document = try ConfigurationReader.read(data, fileName: context.path)
        try sink.configuration(document)
        return document.kind
    }
}
