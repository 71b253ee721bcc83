/// One database connection held by a proxy.
struct ProxyDBConnectionRow: BitwiseCopyable {
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
