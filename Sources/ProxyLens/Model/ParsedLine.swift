/// The fields ingest pulls out of one message.
public struct ParsedLine: Equatable, Sendable {
    public var kind: LineKind
    public var requestId: String?
    public var level: String?
    public var proxyTimestamp: Int64?
    public var clientConnection: Int64?
    public var dbConnection: Int64?

    public init(kind: LineKind, requestId: String? = nil, level: String? = nil, proxyTimestamp: Int64? = nil,
                clientConnection: Int64? = nil, dbConnection: Int64? = nil) {
        self.kind = kind
        self.requestId = requestId
        self.level = level
        self.proxyTimestamp = proxyTimestamp
        self.clientConnection = clientConnection
        self.dbConnection = dbConnection
    }
}
