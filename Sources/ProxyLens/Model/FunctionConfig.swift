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
