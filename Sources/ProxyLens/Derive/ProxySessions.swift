/// RDS Proxy client sessions and database connections, folded line by line during the derive
/// scan. Sessions are named by proxy, but a log group's proxy name is known only once every group
/// has been seen (`ProxyNames`), so the scan keys rows by log group and `forEachByProxy` merges
/// the rows of groups that name the same proxy. Every field picks its line by time then event id,
/// or by event id alone, never by the order lines are read in: lines may come in any order, and
/// merged rows are exactly what one pass over all of a proxy's lines gives.
struct ProxySessions {
    /// A connection number within one log group (-1 for lines without a group), or, once merged,
    /// within one proxy (numbered in name order).
    struct Connection: Hashable {
        var owner: Int32
        var id: Int64
    }

    private var sessions = KeyedRows<Connection, ProxySessionRow>()
    private var connections = KeyedRows<Connection, ProxyDBConnectionRow>()
    /// The text the rows keep (endpoints, addresses, users, reasons, digests), each once: most
    /// repeat from session to session, and tens of thousands of rows stay small.
    private(set) var texts = ByteInterner()
    /// Group numbers in the order of their first proxy line.
    private(set) var groups: [Int32] = []
    private var seenGroups: Set<Int32> = []

    mutating func add(eventId: Int64, group: Int32, ts: Int64, client: Int64?, db: Int64?, message: UnsafeBufferPointer<UInt8>) {
        if seenGroups.insert(group).inserted { groups.append(group) }
        let body = ProxyBytes.body(message)
        if let client {
            let row = sessions.position(of: Connection(owner: group, id: client),
                                        orAdd: ProxySessionRow(clientConnection: client, eventId: eventId, group: group, ts: ts))
            sessions[row].add(eventId: eventId, group: group, ts: ts, message: message, body: body, db: db, texts: &texts)
        } else if let db {
            let row = connections.position(of: Connection(owner: group, id: db),
                                           orAdd: ProxyDBConnectionRow(dbConnection: db, eventId: eventId, group: group))
            connections[row].add(eventId: eventId, group: group, ts: ts, body: body, texts: &texts)
        }
    }

    /// Calls `session` and `connection` with each row and its proxy name, in (proxy, connection)
    /// order, merging the rows of groups that name the same proxy. `proxyOfGroup` is asked once
    /// for each group.
    func forEachByProxy(_ proxyOfGroup: (Int32) -> String,
                        session: (String, ProxySessionRow) throws -> Void,
                        connection: (String, ProxyDBConnectionRow) throws -> Void) rethrows {
        // Proxies numbered in name order, so rows sort by number.
        let names = groups.map(proxyOfGroup)
        let proxies = Set(names).sorted()
        let proxyNumber = Dictionary(uniqueKeysWithValues: proxies.enumerated().map { ($1, Int32($0)) })
        var proxyOfGroupNumber: [Int32: Int32] = [:]
        for (group, name) in zip(groups, names) { proxyOfGroupNumber[group] = proxyNumber[name] }

        /// The rows in order, each run of rows for one proxy and connection merged into one.
        func merged<Row>(_ rows: KeyedRows<Connection, Row>, _ merge: (inout Row, Row) -> Void,
                         _ body: (String, Row) throws -> Void) rethrows {
            let keys = rows.keys.map { Connection(owner: proxyOfGroupNumber[$0.owner]!, id: $0.id) }
            let order = keys.indices.sorted { (keys[$0].owner, keys[$0].id) < (keys[$1].owner, keys[$1].id) }
            var start = 0
            while start < order.count {
                var row = rows[order[start]]
                var end = start + 1
                while end < order.count, keys[order[end]] == keys[order[start]] {
                    merge(&row, rows[order[end]])
                    end += 1
                }
                try body(proxies[Int(keys[order[start]].owner)], row)
                start = end
            }
        }
        try merged(sessions, { $0.merge($1) }, session)
        try merged(connections, { $0.merge($1) }, connection)
    }
}

extension Optional {
    /// Keeps the earliest line's value: on equal times the first stored.
    mutating func keepEarliest<Value>(_ candidate: FromLine<Value>) where Wrapped == FromLine<Value> {
        if map({ candidate.isEarlier(than: $0) }) ?? true { self = candidate }
    }

    /// Keeps the latest line's value: on equal times the last stored.
    mutating func keepLatest<Value>(_ candidate: FromLine<Value>) where Wrapped == FromLine<Value> {
        if map({ $0.isEarlier(than: candidate) }) ?? true { self = candidate }
    }

    /// Keeps the value of the line stored first, whatever its time.
    mutating func keepFirstStored<Value>(_ candidate: FromLine<Value>) where Wrapped == FromLine<Value> {
        if map({ candidate.eventId < $0.eventId }) ?? true { self = candidate }
    }

    /// Keeps the value of the line stored last, whatever its time.
    mutating func keepLastStored<Value>(_ candidate: FromLine<Value>) where Wrapped == FromLine<Value> {
        if map({ $0.eventId < candidate.eventId }) ?? true { self = candidate }
    }
}

/// A string kept by number in `ProxySessions.texts`; -1 for none.
typealias TextNumber = Int32

extension ByteInterner {
    mutating func intern(_ text: String?) -> TextNumber {
        guard var text else { return -1 }
        return text.withUTF8 { intern($0) }
    }

    func text(_ number: TextNumber) -> String? {
        number < 0 ? nil : string(number)
    }
}
