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
