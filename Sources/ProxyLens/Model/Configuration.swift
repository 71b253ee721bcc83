/// `describe-db-proxies`: one proxy.
public struct ProxyConfig: Equatable, Sendable {
    public var name: String
    public var engineFamily: String?
    public var endpoint: String?
    public var idleClientTimeoutSeconds: Int?
    public var requireTLS: Bool?
    public var debugLogging: Bool?
    public var authUsers: [String]
}

/// `describe-db-proxy-target-groups`: one target group's pool settings.
public struct TargetGroupConfig: Equatable, Sendable {
    public var proxy: String
    public var name: String
    public var isDefault: Bool?
    public var maxConnectionsPercent: Int?
    public var maxIdleConnectionsPercent: Int?
    public var connectionBorrowTimeoutSeconds: Int?
    public var initQuery: String?
    public var sessionPinningFilters: [String]
}

/// `get-function-configuration` (and `get-function-concurrency`).
public struct FunctionConfig: Equatable, Sendable {
    public var name: String
    public var runtime: String?
    public var timeoutSeconds: Int?
    public var memoryMB: Int?
    public var logFormat: String?
    public var logGroup: String?
    public var environmentJSON: String?
    public var reservedConcurrency: Int?
    public var lastModified: String?
}

/// `describe-export-tasks`: one CreateExportTask.
public struct ExportTask: Equatable, Sendable {
    public var taskId: String
    public var taskName: String?
    public var logGroup: String?
    public var destination: String?
    public var destinationPrefix: String?
    public var from: Int64?
    public var to: Int64?
    public var status: String?
}

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
