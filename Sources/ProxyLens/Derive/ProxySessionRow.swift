/// One client connection to a proxy, from its connect, auth, pin and close lines.
struct ProxySessionRow: BitwiseCopyable {
    struct Pin: BitwiseCopyable {
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
