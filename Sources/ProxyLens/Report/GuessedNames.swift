/// The function, proxy and log group names a report shows that were taken from file paths
/// (`source.log_group_origin = 'path'`: the export named no log group and no `--log-group` was
/// given), so that every format can mark them as guesses and say how to set them.
struct GuessedNames {
    let database: Database

    /// Each guessed name once: log groups, then the functions and proxies named after them.
    func find() throws -> [Report.GuessedName] {
        let pathSources = try database.rows("SELECT id, path, log_group FROM source WHERE log_group_origin = 'path' ORDER BY path")
        guard !pathSources.isEmpty else { return [] }
        // Sources of several groups keep none in `source.log_group`: their groups are read from
        // their events (one scan, only when there are such sources).
        let mixed = try database.rows("SELECT id FROM source WHERE log_group IS NULL AND log_group_origin IS NOT NULL").compactMap { $0[0].int }
        var groupsOf: [Int64: Set<String>] = [:]
        if !mixed.isEmpty {
            let list = mixed.map(String.init).joined(separator: ",")
            for row in try database.rows("SELECT DISTINCT source_id, log_group FROM event WHERE source_id IN (\(list)) AND log_group IS NOT NULL") {
                if let id = row[0].int, let group = row[1].string { groupsOf[id, default: []].insert(group) }
            }
        }
        var pathsOf: [String: [String]] = [:]
        for row in pathSources {
            guard let id = row[0].int, let path = row[1].string else { continue }
            for group in row[2].string.map({ [$0] }) ?? Array(groupsOf[id] ?? []).sorted() { pathsOf[group, default: []].append(path) }
        }
        // A group some other export named (or --log-group gave) is not a guess.
        for row in try database.rows("SELECT id, log_group FROM source WHERE log_group_origin IN ('container', 'option', 'export-task')") {
            guard let id = row[0].int else { continue }
            for group in row[1].string.map({ [$0] }) ?? Array(groupsOf[id] ?? []) { pathsOf[group] = nil }
        }
        guard !pathsOf.isEmpty else { return [] }
        var names = pathsOf.keys.sorted().map { Report.GuessedName(kind: "log_group", name: $0, logGroup: $0, paths: pathsOf[$0] ?? []) }
        // A function or proxy is guessed when every group it was seen in is, and its name is the
        // one the group's text gives (not one a stream, a configuration or an auth line gave).
        func named(_ sql: String, kind: String, _ fromGroup: (String, String, [SQLValue]) -> Bool) throws {
            var groupsByName: [String: [String?]] = [:]
            var ownName: Set<String> = []
            for row in try database.rows(sql) {
                guard let name = row[0].string else { continue }
                let group = row[1].string
                groupsByName[name, default: []].append(group)
                if let group, pathsOf[group] == nil || !fromGroup(name, group, row) { ownName.insert(name) }
                if group == nil { ownName.insert(name) }
            }
            for name in groupsByName.keys.sorted() where !ownName.contains(name) {
                let groups = Set(groupsByName[name]?.compactMap { $0 } ?? []).sorted()
                names.append(Report.GuessedName(kind: kind, name: name, logGroup: groups.joined(separator: ", "),
                                                paths: groups.flatMap { pathsOf[$0] ?? [] }))
            }
        }
        try named("SELECT DISTINCT function, log_group, instance FROM instance", kind: "function") { name, group, row in
            LambdaStreamName.function(in: row[2].string ?? "") == nil && name == Deriver.functionName(forGroup: group, known: [:])
        }
        try named("SELECT DISTINCT proxy, log_group FROM proxy_session UNION SELECT DISTINCT proxy, log_group FROM proxy_db_connection", kind: "proxy") { name, group, _ in
            name == ProxyNames.baseName(group)
        }
        return names
    }
}
