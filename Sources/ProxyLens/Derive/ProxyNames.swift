/// Maps proxy log groups to proxy names. Exports do not always carry the group (an `aws logs
/// tail` capture does not), so a group whose name is not a known proxy is matched by the user
/// names in its authentication lines, then by the engine those lines name.
struct ProxyNames {
    private var byGroup: [String: String] = [:]

    /// `groups`: the log groups of the proxy lines, in the order of their first line.
    init(database: Database, groups: [String?]) throws {
        var proxies: [(name: String, engine: String, users: [String])] = []
        let configured = try database.statement("SELECT proxy, upper(coalesce(engine_family, '')), coalesce(auth_users, '') FROM proxy_config")
        while try configured.step() {
            proxies.append((configured.text(0) ?? "", configured.text(1) ?? "",
                            (configured.text(2) ?? "").split(separator: ",").map(String.init)))
        }
        for group in groups {
            let key = group ?? ""
            let base = Self.baseName(group)
            // Without configuration there is nothing to match against.
            if proxies.isEmpty || proxies.contains(where: { $0.name == base }) { byGroup[key] = base; continue }
            // Users and engines named in this group's authentication lines.
            let auth = try database.rows("""
                SELECT message FROM event WHERE kind = 'proxy' AND log_group IS ? AND message LIKE '%Proxy authentication with%' LIMIT 200
                """, [group.map(SQLValue.text) ?? .null])
            var users: Set<String> = []
            var engines: Set<String> = []
            for row in auth {
                let body = ProxyMessage.body(row.first?.string ?? "")
                if let user = ProxyMessage.authUser(body) { users.insert(user) }
                if body.contains("PostgreSQL") { engines.insert("POSTGRESQL") }
                if body.contains("SQL Server") { engines.insert("SQLSERVER") }
                if body.contains("MySQL") || body.contains("MariaDB") { engines.insert("MYSQL") }
            }
            let byUser = proxies.filter { !Set($0.users).isDisjoint(with: users) }
            if byUser.count == 1 { byGroup[key] = byUser[0].name; continue }
            let byEngine = proxies.filter { engines.contains($0.engine) }
            if byEngine.count == 1 { byGroup[key] = byEngine[0].name; continue }
            byGroup[key] = base
        }
    }

    static func baseName(_ group: String?) -> String {
        guard let group, !group.isEmpty else { return "unknown-proxy" }
        if group.hasPrefix("/aws/rds/proxy/") { return String(group.dropFirst("/aws/rds/proxy/".count)) }
        return group.split(separator: "/").last.map(String.init) ?? group
    }

    func name(forGroup group: String?) -> String {
        byGroup[group ?? ""] ?? Self.baseName(group)
    }
}
