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
