/// Everything one configuration file held.
public struct ConfigurationDocument: Equatable, Sendable {
    public var kind: String
    public var proxies: [ProxyConfig] = []
    public var targetGroups: [TargetGroupConfig] = []
    public var functions: [FunctionConfig] = []
    public var exportTasks: [ExportTask] = []
    /// `get-function-concurrency` output, for the function named by the file.
    public var reservedConcurrency: (function: String?, value: Int?)? = nil

    public static func == (lhs: ConfigurationDocument, rhs: ConfigurationDocument) -> Bool {
        lhs.kind == rhs.kind && lhs.proxies == rhs.proxies && lhs.targetGroups == rhs.targetGroups
            && lhs.functions == rhs.functions && lhs.exportTasks == rhs.exportTasks
            && lhs.reservedConcurrency?.function == rhs.reservedConcurrency?.function
            && lhs.reservedConcurrency?.value == rhs.reservedConcurrency?.value
    }
}
