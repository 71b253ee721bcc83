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

/// Rows in an array, found by key: a dictionary of small indexes stays compact where one holding
/// whole rows, at its load factor, would not.
struct KeyedRows<Key: Hashable, Row> {
    private var index: [Key: Int32] = [:]
    private(set) var keys: [Key] = []
    private var rows: [Row] = []

    /// The position of the row for `key`, adding `row` there first when there is none.
    mutating func position(of key: Key, orAdd row: @autoclosure () -> Row) -> Int {
        if let existing = index[key] { return Int(existing) }
        index[key] = Int32(rows.count)
        keys.append(key)
        rows.append(row())
        return rows.count - 1
    }

    subscript(position: Int) -> Row {
        get { rows[position] }
        _modify { yield &rows[position] }
    }
}

/// A value read from one line, with the line's time and event id, so that a choice between lines
/// ("the earliest pin", "the last close") does not depend on the order they are read in.
struct FromLine<Value> {
    var ts: Int64
    var eventId: Int64
    var value: Value

    /// By time, then by event id (storage order).
    func isEarlier(than other: FromLine) -> Bool {
        ts != other.ts ? ts < other.ts : eventId < other.eventId
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

/// One client connection to a proxy, from its connect, auth, pin and close lines.
struct ProxySessionRow {
    struct Pin {
        var reason: TextNumber
        var digest: TextNumber
        var dbConnection: Int64?
    }

    var clientConnection: Int64
    /// The event id and log group number of its first stored line.
    var firstEventId: Int64
    var group: Int32
    /// The earliest time of any of its lines.
    var openedTs: Int64
    /// `[proxyEndpoint=…]` of the first stored line that has one.
    var endpoint: FromLine<TextNumber>?
    /// 'A new client connected from <address>': the earliest, and the address.
    var connect: FromLine<TextNumber>?
    /// The user of the last stored authentication line.
    var authUser: FromLine<TextNumber>?
    /// The earliest pinning line.
    var pin: FromLine<Pin>?
    /// The last close line and its reason.
    var close: FromLine<TextNumber>?

    /// A row for its first line, before `add` reads the line.
    init(clientConnection: Int64, eventId: Int64, group: Int32, ts: Int64) {
        self.clientConnection = clientConnection
        firstEventId = eventId
        self.group = group
        openedTs = ts
    }

    /// Folds in one line. `body` is the message after its time, level and tags.
    mutating func add(eventId: Int64, group: Int32, ts: Int64, message: UnsafeBufferPointer<UInt8>,
                      body: Slice<UnsafeBufferPointer<UInt8>>, db: Int64?, texts: inout ByteInterner) {
        if eventId < firstEventId { (firstEventId, self.group) = (eventId, group) }
        openedTs = min(openedTs, ts)
        // The tag is looked for only until a stored-earlier line has given one.
        if endpoint.map({ eventId < $0.eventId }) ?? true, let tag = ProxyBytes.tag(message, "[proxyEndpoint=") {
            endpoint = FromLine(ts: ts, eventId: eventId, value: texts.intern(tag))
        }
        if ProxyBytes.hasPrefix(body, "A new client connected from ") {
            var address = UnsafeBufferPointer(rebasing: body[(body.startIndex + 28)...])
            if address.last == UInt8(ascii: ".") { address = UnsafeBufferPointer(rebasing: address.dropLast()) }
            connect.keepEarliest(FromLine(ts: ts, eventId: eventId, value: texts.intern(address)))
        } else if ProxyBytes.hasPrefix(body, "Proxy authentication"), let user = ProxyBytes.quoted(body, after: "for user \"") {
            authUser.keepLastStored(FromLine(ts: ts, eventId: eventId, value: texts.intern(user)))
        } else if ProxyBytes.hasPrefix(body, "The client session was pinned") {
            let (reason, digest) = ProxyMessage.reasonAndDigest(String(decoding: body, as: UTF8.self))
            pin.keepEarliest(FromLine(ts: ts, eventId: eventId,
                                      value: Pin(reason: texts.intern(reason), digest: texts.intern(digest), dbConnection: db)))
        } else if ProxyBytes.hasPrefix(body, "The client connection closed") {
            close.keepLatest(FromLine(ts: ts, eventId: eventId, value: texts.intern(ProxyBytes.reason(body))))
        }
    }

    /// Folds in another row for the same proxy and connection, field by field as `add` does.
    mutating func merge(_ other: ProxySessionRow) {
        if other.firstEventId < firstEventId { (firstEventId, group) = (other.firstEventId, other.group) }
        openedTs = min(openedTs, other.openedTs)
        if let line = other.endpoint { endpoint.keepFirstStored(line) }
        if let line = other.connect { connect.keepEarliest(line) }
        if let line = other.authUser { authUser.keepLastStored(line) }
        if let line = other.pin { pin.keepEarliest(line) }
        if let line = other.close { close.keepLatest(line) }
    }
}

/// One database connection held by a proxy.
struct ProxyDBConnectionRow {
    var dbConnection: Int64
    /// The event id and log group number of its first stored line.
    var firstEventId: Int64
    var group: Int32
    /// The earliest 'A TCP connection was established'.
    var openedTs: Int64?
    /// The last close line and its reason.
    var close: FromLine<TextNumber>?
    /// The last 'released to the connection pool'.
    var releasedTs: Int64?

    /// A row for its first line, before `add` reads the line.
    init(dbConnection: Int64, eventId: Int64, group: Int32) {
        self.dbConnection = dbConnection
        firstEventId = eventId
        self.group = group
    }

    /// Folds in one line. `body` is the message after its time, level and tags.
    mutating func add(eventId: Int64, group: Int32, ts: Int64, body: Slice<UnsafeBufferPointer<UInt8>>, texts: inout ByteInterner) {
        if eventId < firstEventId { (firstEventId, self.group) = (eventId, group) }
        if ProxyBytes.hasPrefix(body, "A TCP connection was established") {
            openedTs = min(openedTs ?? ts, ts)
        } else if ProxyBytes.hasPrefix(body, "The database connection closed") {
            close.keepLatest(FromLine(ts: ts, eventId: eventId, value: texts.intern(ProxyBytes.reason(body))))
        } else if ProxyBytes.contains(body, "released to the connection pool") {
            releasedTs = max(releasedTs ?? ts, ts)
        }
    }

    /// Folds in another row for the same proxy and connection, field by field as `add` does.
    mutating func merge(_ other: ProxyDBConnectionRow) {
        if other.firstEventId < firstEventId { (firstEventId, group) = (other.firstEventId, other.group) }
        if let ts = other.openedTs { openedTs = min(openedTs ?? ts, ts) }
        if let line = other.close { close.keepLatest(line) }
        if let ts = other.releasedTs { releasedTs = max(releasedTs ?? ts, ts) }
    }
}
