/// Writes configuration documents into the configuration tables (a later file replaces an
/// earlier one for the same proxy, target group or function).
struct ConfigurationStore {
    let database: Database

    func save(_ document: ConfigurationDocument, sourceId: Int64) throws {
        for proxy in document.proxies {
            try database.statement("""
                INSERT OR REPLACE INTO proxy_config (proxy, engine_family, endpoint, idle_client_timeout_s, require_tls, debug_logging, auth_users, source_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).run([.text(proxy.name), text(proxy.engineFamily), text(proxy.endpoint), int(proxy.idleClientTimeoutSeconds),
                          bool(proxy.requireTLS), bool(proxy.debugLogging), .text(proxy.authUsers.joined(separator: ",")), .integer(sourceId)])
        }
        for group in document.targetGroups {
            try database.statement("""
                INSERT OR REPLACE INTO proxy_target_group (proxy, target_group, is_default, max_connections_percent, max_idle_connections_percent,
                    connection_borrow_timeout_s, init_query, session_pinning_filters, source_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run([.text(group.proxy), .text(group.name), bool(group.isDefault), int(group.maxConnectionsPercent),
                          int(group.maxIdleConnectionsPercent), int(group.connectionBorrowTimeoutSeconds), text(group.initQuery),
                          .text(group.sessionPinningFilters.joined(separator: ",")), .integer(sourceId)])
        }
        for function in document.functions {
            let reserved = try database.scalar("SELECT reserved_concurrency FROM function_config WHERE function = ?", [.text(function.name)])
            try database.statement("""
                INSERT OR REPLACE INTO function_config (function, runtime, timeout_s, memory_mb, log_format, log_group, environment,
                    reserved_concurrency, last_modified, source_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run([.text(function.name), text(function.runtime), int(function.timeoutSeconds), int(function.memoryMB),
                          text(function.logFormat), text(function.logGroup), text(function.environmentJSON), reserved,
                          text(function.lastModified), .integer(sourceId)])
        }
        if let concurrency = document.reservedConcurrency, let function = concurrency.function {
            try database.statement("""
                INSERT INTO function_config (function, log_group, reserved_concurrency, source_id) VALUES (?, ?, ?, ?)
                ON CONFLICT(function) DO UPDATE SET reserved_concurrency = excluded.reserved_concurrency
                """).run([.text(function), .text("/aws/lambda/\(function)"), int(concurrency.value), .integer(sourceId)])
        }
        for task in document.exportTasks {
            try database.statement("""
                INSERT OR REPLACE INTO export_task (task_id, task_name, log_group, destination, destination_prefix, from_ts, to_ts, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).run([.text(task.taskId), text(task.taskName), text(task.logGroup), text(task.destination),
                          text(task.destinationPrefix), task.from.map(SQLValue.integer) ?? .null,
                          task.to.map(SQLValue.integer) ?? .null, text(task.status)])
        }
    }

    private func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    private func int(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    private func bool(_ value: Bool?) -> SQLValue { value.map { .integer($0 ? 1 : 0) } ?? .null }
}
