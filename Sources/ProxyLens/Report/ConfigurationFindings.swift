/// Checks the ingested configuration against the seed article's guidelines; each finding says
/// what was found and what to change.
struct ConfigurationFindings {
    let database: Database

    /// `function`: only that function's findings, and those of `proxies` (the proxies it uses);
    /// nil, every function's and every proxy's.
    func findings(function selected: String? = nil, proxies selectedProxies: Set<String> = []) throws -> [Report.Finding] {
        var out: [Report.Finding] = []
        // What the export left out, before what the configuration says.
        let incomplete = try database.rows("""
            SELECT count(*), sum(EXISTS (SELECT 1 FROM invocation_error_line l WHERE l.request_id = i.request_id))
            FROM invocation i WHERE status = 'incomplete'
            """)[0]
        if let count = incomplete[0].int, count > 0 {
            let withErrors = incomplete[1].int ?? 0
            out.append(.init(subject: "the export",
                             found: "\(count) invocations have no END/REPORT/platform.report (a filtered or partial export, or a cut time range?)",
                             change: "Export whole log streams for the incident's time range; \(withErrors) of them logged an error and are labelled from it with lower confidence (rule +incomplete), the others are counted neither as failures nor as successes."))
        }
        // Files a problem cut short when they were ingested: what they held is in no count.
        let partial = try database.rows("""
            SELECT count(*), (SELECT count(*) FROM ingest_error WHERE source_id IN (SELECT id FROM source WHERE complete = 0))
            FROM source WHERE complete = 0
            """)[0]
        if let files = partial[0].int, files > 0 {
            out.append(.init(subject: "the export",
                             found: "\(files) input file\(files == 1 ? " was" : "s were") read only in part or not at all when ingested (\(partial[1].int ?? 0) problem\(partial[1].int == 1 ? "" : "s") recorded)",
                             change: "What they held is missing from every count here. List them with proxylens sql \"SELECT path, line, reason FROM ingest_error\", fix or re-export those files and ingest the new ones."))
        }
        let proxies = try database.rows("""
            SELECT p.proxy, upper(coalesce(p.engine_family, '')), lower(coalesce(p.endpoint, '')), p.idle_client_timeout_s,
                   t.connection_borrow_timeout_s, t.max_idle_connections_percent, t.max_connections_percent, t.init_query
            FROM proxy_config p LEFT JOIN proxy_target_group t ON t.proxy = p.proxy
            """)
        for proxy in proxies {
            let name = proxy[0].string ?? ""
            if selected != nil && !selectedProxies.contains(name) { continue }
            if let idle = proxy[3].int, idle > 600 {
                out.append(.init(subject: "proxy \(name)", found: "IdleClientTimeout is \(idle) s",
                                 change: "For Lambda clients set IdleClientTimeout to 300-600 s to match the warm pool, and validate connections before use."))
            }
            if proxy[1].string == "SQLSERVER", let idle = proxy[5].int, idle <= 5 {
                out.append(.init(subject: "proxy \(name)", found: "MaxIdleConnectionsPercent is \(idle) % (SQL Server)",
                                 change: "Consider raising MaxIdleConnectionsPercent above the 5 % default if traffic is predictable, so bursts find idle connections."))
            }
        }
        let functions = try database.rows("SELECT function, timeout_s, lower(coalesce(environment, '')), environment, reserved_concurrency FROM function_config WHERE timeout_s IS NOT NULL")
        for function in functions {
            let name = function[0].string ?? ""
            if let selected, name != selected { continue }
            let timeout = function[1].int ?? 0
            let environment = function[2].string ?? ""
            for proxy in proxies where !(proxy[2].string ?? "").isEmpty && environment.contains(proxy[2].string ?? "~") {
                let borrow = proxy[4].int ?? Int64(Classifier.defaultBorrowTimeoutSeconds)
                if timeout >= borrow {
                    out.append(.init(subject: "function \(name) → proxy \(proxy[0].string ?? "")",
                                     found: "Lambda timeout \(timeout) s is not under ConnectionBorrowTimeout \(borrow) s",
                                     change: "Keep the Lambda timeout well under ConnectionBorrowTimeout (or raise the borrow timeout to match real waits), so a timed-out invocation does not hold a borrowed connection past it."))
                }
            }
            // Query timeouts configured through the environment (…TIMEOUT variables, seconds or ms).
            let variables = Self.timeoutVariables(function[3].string ?? "")
            let queryTimeouts = variables.filter { key, _ in
                let k = key.uppercased()
                return (k.contains("COMMAND") || k.contains("QUERY") || k.contains("STATEMENT")) && k.contains("TIMEOUT")
            }
            if queryTimeouts.isEmpty {
                out.append(.init(subject: "function \(name)", found: "no query timeout in its environment (Lambda timeout \(timeout) s)",
                                 change: "Set a query timeout about 5 s below the Lambda timeout (e.g. \(max(1, timeout - 5)) s) so the function can close its connection before Lambda kills it."))
            }
            for (key, seconds) in queryTimeouts where seconds >= Double(timeout) - 1 {
                out.append(.init(subject: "function \(name)", found: "\(key) = \(Self.format(seconds)) s is not shorter than the Lambda timeout \(timeout) s",
                                 change: "Set it about 5 s below the Lambda timeout (e.g. \(max(1, timeout - 5)) s)."))
            }
            let duration = try database.scalar("SELECT avg(duration_ms) / 1000.0 FROM invocation WHERE function = ?", [.text(name)]).double
            if let reserved = function[4].int {
                // No invocation of it in the logs: its mean is unknown, not 0 s.
                let mean = duration.map { "mean invocation \(Self.format($0)) s" } ?? "no invocation of it in the logs"
                out.append(.init(subject: "function \(name)", found: "reserved concurrency \(reserved); \(mean)",
                                 change: "Check it against (max DB connections) / (average connection duration in s) × (target response time in s); with pinning, more concurrency only competes for the same pool."))
            }
        }
        return out
    }

    static func timeoutVariables(_ json: String) -> [(String, Double)] {
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return object.compactMap { key, value in
            guard key.uppercased().contains("TIMEOUT"), let text = (value as? String) ?? (value as? NSNumber)?.stringValue,
                  var number = Double(text.filter { $0.isNumber || $0 == "." }) else { return nil }
            if key.uppercased().hasSuffix("_MS") || text.hasSuffix("ms") || number > 1000 { number /= 1000 }
            return (key, number)
        }.sorted { $0.0 < $1.0 }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

import Foundation
