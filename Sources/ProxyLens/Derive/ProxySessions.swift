/// RDS Proxy client sessions and database connections, folded line by line during the derive
/// scan. Sessions are named by proxy, but a log group's proxy name is known only once every group
/// has been seen (`ProxyNames`), so the scan keys rows by log group and `forEachByProxy` merges
/// the rows of groups that name the same proxy. Every field picks its line by time then event id,
/// or by event id alone, never by the order lines are read in: lines may come in any order, and
/// merged rows are exactly what one pass over all of a proxy's lines gives. That also bounds
/// memory: once the rows held pass `heldBudget` bytes they are written out as a sorted run
/// (`RowRuns`) and let go, and `forEachByProxy` merges the runs with what is still held.
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

    /// Bytes of rows held before they are spilled (the benchmark corpus's 66 k sessions and 13 k
    /// database connections count about 20 MB).
    let heldBudget: Int
    /// Bytes held now, as `add` counts them (each row and its share of the index).
    private var heldBytes = 0
    private let sessionRuns: RowRuns<ProxySessionRow>
    private let connectionRuns: RowRuns<ProxyDBConnectionRow>
    /// Why a spill could not be written: the rows stay held (nothing is lost, memory grows), no
    /// other spill is tried, and deriving says so (`DerivationInput.spillFailures`).
    private(set) var spillFailure: String?

    /// `spillDirectory`: where the runs are written (nil: where SQLite makes its temporary files).
    init(heldBudget: Int, spillDirectory: String? = nil) {
        self.heldBudget = heldBudget
        sessionRuns = RowRuns(purpose: "proxy-sessions", directory: spillDirectory)
        connectionRuns = RowRuns(purpose: "proxy-connections", directory: spillDirectory)
    }

    /// Whether some rows were written out (for tests).
    var hasSpilled: Bool { !sessionRuns.isEmpty || !connectionRuns.isEmpty }

    mutating func add(eventId: Int64, group: Int32, ts: Int64, client: Int64?, db: Int64?, message: UnsafeBufferPointer<UInt8>) {
        if seenGroups.insert(group).inserted { groups.append(group) }
        let body = ProxyBytes.body(message)
        if let client {
            let held = sessions.count
            let row = sessions.position(of: Connection(owner: group, id: client),
                                        orAdd: ProxySessionRow(clientConnection: client, eventId: eventId, group: group, ts: ts))
            sessions[row].add(eventId: eventId, group: group, ts: ts, message: message, body: body, db: db, texts: &texts)
            if sessions.count > held { heldBytes += MemoryLayout<ProxySessionRow>.stride + Self.indexBytesPerRow }
        } else if let db {
            let held = connections.count
            let row = connections.position(of: Connection(owner: group, id: db),
                                           orAdd: ProxyDBConnectionRow(dbConnection: db, eventId: eventId, group: group))
            connections[row].add(eventId: eventId, group: group, ts: ts, body: body, texts: &texts)
            if connections.count > held { heldBytes += MemoryLayout<ProxyDBConnectionRow>.stride + Self.indexBytesPerRow }
        }
        if heldBytes > heldBudget, spillFailure == nil { spillHeld() }
    }

    /// A row's key in `KeyedRows`' list and its dictionary entry, at the dictionary's load.
    private static let indexBytesPerRow = 48

    /// Writes the rows held as one run each (sessions, connections) and lets them go.
    private mutating func spillHeld() {
        do {
            try Self.spill(sessions, to: sessionRuns)
            sessions = KeyedRows()
            try Self.spill(connections, to: connectionRuns)
            connections = KeyedRows()
            heldBytes = 0
        } catch {
            // Runs written before the failure are still read back; the rest stays held.
            spillFailure = "\(error)"
        }
    }

    /// Calls `session` and `connection` with each row and its proxy name, in (proxy, connection)
    /// order, merging the rows of groups that name the same proxy, and the rows of one key held
    /// and spilled. `proxyOfGroup` is asked once for each group.
    func forEachByProxy(_ proxyOfGroup: (Int32) -> String,
                        session: (String, ProxySessionRow) throws -> Void,
                        connection: (String, ProxyDBConnectionRow) throws -> Void) throws {
        // Proxies numbered in name order, so rows sort by number.
        let names = groups.map(proxyOfGroup)
        let proxies = Set(names).sorted()
        let proxyNumber = Dictionary(uniqueKeysWithValues: proxies.enumerated().map { ($1, Int32($0)) })
        var proxyOfGroupNumber: [Int32: Int32] = [:]
        for (group, name) in zip(groups, names) { proxyOfGroupNumber[group] = proxyNumber[name] }

        /// The rows in (proxy, connection) order, every row of one key merged into one: the rows
        /// held (sorted here) and each group's spilled runs (sorted when written), merged by key.
        func merged<Row>(_ rows: KeyedRows<Connection, Row>, _ runs: RowRuns<Row>, _ merge: (inout Row, Row) -> Void,
                         _ body: (String, Row) throws -> Void) throws {
            func precedes(_ a: Connection, _ b: Connection) -> Bool { (a.owner, a.id) < (b.owner, b.id) }
            let keys = rows.keys.map { Connection(owner: proxyOfGroupNumber[$0.owner]!, id: $0.id) }
            let order = keys.indices.sorted { precedes(keys[$0], keys[$1]) }
            var cursors: [(proxy: Int32, cursor: RowRuns<Row>.Cursor)] = []
            for group in groups {
                for cursor in try runs.cursors(owner: group) { cursors.append((proxyOfGroupNumber[group]!, cursor)) }
            }
            var next = 0
            while true {
                var smallest: Connection? = next < order.count ? keys[order[next]] : nil
                for (proxy, cursor) in cursors {
                    guard let record = cursor.current else { continue }
                    let key = Connection(owner: proxy, id: record.id)
                    if smallest.map({ precedes(key, $0) }) ?? true { smallest = key }
                }
                guard let key = smallest else { return }
                var row: Row?
                func fold(_ other: Row) {
                    if row == nil { row = other } else { merge(&row!, other) }
                }
                while next < order.count, keys[order[next]] == key {
                    fold(rows[order[next]])
                    next += 1
                }
                for (proxy, cursor) in cursors where proxy == key.owner {
                    while let record = cursor.current, record.id == key.id {
                        fold(record.row)
                        try cursor.advance()
                    }
                }
                try body(proxies[Int(key.owner)], row!)
            }
        }
        try merged(sessions, sessionRuns, { $0.merge($1) }, session)
        try merged(connections, connectionRuns, { $0.merge($1) }, connection)
    }

    /// The rows held, written as one run of `runs`.
    private static func spill<Row>(_ rows: KeyedRows<Connection, Row>, to runs: RowRuns<Row>) throws {
        try runs.write(count: rows.count, owner: { rows.keys[$0].owner }, id: { rows.keys[$0].id }, row: { rows[$0] })
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
