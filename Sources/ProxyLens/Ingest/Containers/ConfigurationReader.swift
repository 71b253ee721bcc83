import Foundation

/// Reads the AWS CLI's configuration output: `describe-db-proxies`, `describe-db-proxy-target-groups`,
/// `get-function-configuration` (or `get-function`), `get-function-concurrency`, `describe-export-tasks`.
/// These are small documents, so they are parsed whole.
enum ConfigurationReader {
    static func read(_ data: Data, fileName: String) throws -> ConfigurationDocument {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ProxyLensError(.input, fileName, "not valid JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else {
            throw ProxyLensError(.input, fileName, "expected a JSON object")
        }
        if let proxies = root["DBProxies"] as? [[String: Any]] {
            var document = ConfigurationDocument(kind: "config-describe-db-proxies")
            document.proxies = proxies.compactMap(proxy)
            return document
        }
        if let groups = root["TargetGroups"] {
            var document = ConfigurationDocument(kind: "config-describe-db-proxy-target-groups")
            let list = (groups as? [[String: Any]]) ?? ((groups as? [String: Any]).map { [$0] } ?? [])
            document.targetGroups = list.compactMap(targetGroup)
            return document
        }
        if let tasks = (root["exportTasks"] ?? root["ExportTasks"]) as? [[String: Any]] {
            var document = ConfigurationDocument(kind: "export-tasks")
            document.exportTasks = tasks.compactMap(exportTask)
            return document
        }
        if let configuration = (root["Configuration"] as? [String: Any]) ?? (root["FunctionName"] != nil ? root : nil),
           let function = function(configuration) {
            var document = ConfigurationDocument(kind: "config-get-function-configuration")
            document.functions = [function]
            if let concurrency = root["Concurrency"] as? [String: Any] {
                document.reservedConcurrency = (function.name, int(concurrency["ReservedConcurrentExecutions"]))
            }
            return document
        }
        if root.isEmpty || root["ReservedConcurrentExecutions"] != nil {
            var document = ConfigurationDocument(kind: "config-get-function-concurrency")
            document.reservedConcurrency = (functionName(fromFileName: fileName), int(root["ReservedConcurrentExecutions"]))
            return document
        }
        throw ProxyLensError(.input, fileName, "a JSON document proxylens does not know")
    }

    /// `get-function-concurrency_<function>.json` → `<function>`.
    static func functionName(fromFileName fileName: String) -> String? {
        var stem = InputPaths.fileName(fileName)
        for ext in [".gz", ".json", ".txt"] where stem.hasSuffix(ext) { stem = String(stem.dropLast(ext.count)) }
        for prefix in ["get-function-concurrency_", "get-function-concurrency-", "concurrency_", "concurrency-"] where stem.hasPrefix(prefix) {
            return String(stem.dropFirst(prefix.count))
        }
        return nil
    }

    static func int(_ value: Any?) -> Int? {
        if let n = value as? NSNumber { return n.intValue }
        if let s = value as? String { return Int(s) }
        return nil
    }

    static func bool(_ value: Any?) -> Bool? {
        if let n = value as? NSNumber { return n.boolValue }
        if let s = value as? String { return ["true", "enabled"].contains(s.lowercased()) }
        return nil
    }

    static func proxy(_ object: [String: Any]) -> ProxyConfig? {
        guard let name = object["DBProxyName"] as? String else { return nil }
        let auth = (object["Auth"] as? [[String: Any]]) ?? []
        return ProxyConfig(
            name: name, engineFamily: object["EngineFamily"] as? String, endpoint: object["Endpoint"] as? String,
            idleClientTimeoutSeconds: int(object["IdleClientTimeout"]), requireTLS: bool(object["RequireTLS"]),
            debugLogging: bool(object["DebugLogging"] ?? object["DebuggingLogging"]),
            authUsers: auth.compactMap { $0["UserName"] as? String })
    }

    static func targetGroup(_ object: [String: Any]) -> TargetGroupConfig? {
        guard let proxy = object["DBProxyName"] as? String else { return nil }
        let pool = (object["ConnectionPoolConfig"] as? [String: Any]) ?? [:]
        return TargetGroupConfig(
            proxy: proxy, name: object["TargetGroupName"] as? String ?? "default", isDefault: bool(object["IsDefault"]),
            maxConnectionsPercent: int(pool["MaxConnectionsPercent"]),
            maxIdleConnectionsPercent: int(pool["MaxIdleConnectionsPercent"]),
            connectionBorrowTimeoutSeconds: int(pool["ConnectionBorrowTimeout"]),
            initQuery: pool["InitQuery"] as? String,
            sessionPinningFilters: (pool["SessionPinningFilters"] as? [String]) ?? [])
    }

    static func function(_ object: [String: Any]) -> FunctionConfig? {
        guard let name = object["FunctionName"] as? String else { return nil }
        let logging = (object["LoggingConfig"] as? [String: Any]) ?? [:]
        var environment: String?
        if let variables = (object["Environment"] as? [String: Any])?["Variables"] as? [String: Any],
           let data = try? JSONSerialization.data(withJSONObject: variables, options: [.sortedKeys]) {
            environment = String(decoding: data, as: UTF8.self)
        }
        return FunctionConfig(
            name: name, runtime: object["Runtime"] as? String, timeoutSeconds: int(object["Timeout"]),
            memoryMB: int(object["MemorySize"]), logFormat: logging["LogFormat"] as? String,
            logGroup: logging["LogGroup"] as? String ?? "/aws/lambda/\(name)", environmentJSON: environment,
            reservedConcurrency: nil, lastModified: object["LastModified"] as? String)
    }

    static func exportTask(_ object: [String: Any]) -> ExportTask? {
        guard let id = (object["taskId"] ?? object["TaskId"]) as? String else { return nil }
        let status = (object["status"] ?? object["Status"]) as? [String: Any]
        func millis(_ key1: String, _ key2: String) -> Int64? {
            if let n = (object[key1] ?? object[key2]) as? NSNumber { return n.int64Value }
            return nil
        }
        return ExportTask(
            taskId: id, taskName: (object["taskName"] ?? object["TaskName"]) as? String,
            logGroup: (object["logGroupName"] ?? object["LogGroupName"]) as? String,
            destination: (object["destination"] ?? object["Destination"]) as? String,
            destinationPrefix: (object["destinationPrefix"] ?? object["DestinationPrefix"]) as? String,
            from: millis("from", "From"), to: millis("to", "To"),
            status: (status?["code"] ?? status?["Code"]) as? String)
    }
}
