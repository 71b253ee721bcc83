import Foundation

/// The Lambda lines of `event`, gathered by the derive scan and grouped by log stream, each
/// stream's kept as parallel arrays of small numbers (22 bytes a line). Of a line's message only
/// a REPORT line's values are kept; the few other messages the state machine reads are fetched
/// again by event id. Memory stays bounded whatever the input's size: once the lines held pass
/// `heldBudget` bytes, every stream's are written to a `SpillFile` as one segment each, and a
/// stream is put together again (its segments in the order written, then what is still held)
/// only when it is replayed, one stream at a time.
struct LambdaLines {
    /// One log stream's lines, in the order they were read (storage order).
    struct Stream {
        var ts: [Int64] = []
        var eventId: [Int64] = []
        var role: [LineRole] = []
        /// 1 when an application line begins a transaction, -1 when it ends one, else 0.
        var transactionEffect: [Int8] = []
        /// The request id's number in `requests`; -1 when the line names none.
        var request: [Int32] = []
        /// The values of the REPORT lines, in the order of those lines.
        var reports: [ReportValues] = []
        /// The stream's request ids: only ids within one stream are ever compared, and a
        /// stream's table is small enough to stay in the processor's cache.
        var requests = ByteInterner()
        /// The earliest line (by time, then event id) and that line's log group number (-1 for
        /// none), which names the group of the whole stream.
        var first: (ts: Int64, eventId: Int64, group: Int32)

        var count: Int { ts.count }

        /// Appends `other`'s lines (of the same stream, read later), its request ids numbered
        /// again in this stream's `requests`.
        mutating func append(_ other: Stream) {
            ts += other.ts
            eventId += other.eventId
            role += other.role
            transactionEffect += other.transactionEffect
            var renumbered = [Int32](repeating: -1, count: other.requests.count)
            for number in renumbered.indices {
                renumbered[number] = other.requests.bytes(Int32(number)).withUnsafeBufferPointer { requests.intern($0) }
            }
            request += other.request.map { $0 < 0 ? -1 : renumbered[Int($0)] }
            reports += other.reports
        }

        /// Line indexes in (ts, event id) order, the order the state machine reads them in.
        /// Lines are nearly always stored in time order already.
        func timeOrder() -> [Int] {
            var order = Array(0..<count)
            func precedes(_ a: Int, _ b: Int) -> Bool { ts[a] != ts[b] ? ts[a] < ts[b] : eventId[a] < eventId[b] }
            if !order.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) { order.sort(by: precedes) }
            return order
        }

        /// By line index, the index in `reports` of a REPORT line's values.
        func reportIndexes() -> [Int32] {
            var next: Int32 = 0
            return role.map { role in
                guard role == .report || role == .platformReport else { return -1 }
                defer { next += 1 }
                return next
            }
        }

        /// By request id number, a number shared by all the ids that are equal as Strings: the
        /// state machine matches request ids as Swift Strings do (by canonical equivalence). For
        /// the ASCII ids Lambda writes that is byte equality, so Strings are compared only when
        /// some id is not ASCII.
        func requestKeys() -> [Int32] {
            var keys = Array(0..<Int32(requests.count))
            guard keys.contains(where: { !requests.bytes($0).allSatisfy { $0 < 0x80 } }) else { return keys }
            var firstEqual: [String: Int32] = [:]
            for number in keys {
                let text = requests.string(number)
                if let first = firstEqual[text] { keys[Int(number)] = first } else { firstEqual[text] = number }
            }
            return keys
        }
    }

    /// The lines held in memory, by stream number; a stream's spilled lines come before them.
    private var streams: [Stream] = []
    private var names = ByteInterner()

    /// Bytes of lines held before they are spilled; the proxy's rows may take half as much again.
    /// Small beside the dedupe key set's table, so the peak stays under 200 MB at four times the
    /// benchmark corpus (with 48 MiB: 193–199 MB); the corpus itself (1.8 M Lambda lines, about
    /// 55 MB as counted) spills once, a sequential write and read.
    static let defaultHeldBudget = 32 << 20
    let heldBudget: Int
    /// Bytes held now, as `append` counts them (the arrays' own numbers, not their spare capacity).
    private var heldBytes = 0
    private var spill: SpillFile?
    /// By stream number, each spilled segment's place in `spill`, in the order written.
    private var segments: [[(offset: Int64, count: Int)]] = []
    /// Why a spill could not be written: the lines stay held (nothing is lost, memory grows), no
    /// other spill is tried, and deriving says so (`DerivationInput.spillFailures`).
    private(set) var spillFailure: String?
    /// Where the spill file is made (nil: where SQLite makes its temporary files).
    private let spillDirectory: String?

    init(heldBudget: Int = Self.defaultHeldBudget, spillDirectory: String? = nil) {
        self.heldBudget = heldBudget
        self.spillDirectory = spillDirectory
    }

    var streamCount: Int { streams.count }
    /// Whether some lines were written to the spill file (for tests and the timings).
    var hasSpilled: Bool { spill != nil }

    /// Adds one line. `group` is called only when the line may be its stream's earliest, since
    /// reading the group costs a lookup.
    mutating func append(stream name: UnsafeBufferPointer<UInt8>, ts: Int64, eventId: Int64, role: LineRole,
                         transactionEffect: Int8, request: UnsafeBufferPointer<UInt8>?, report: ReportValues?,
                         group: () -> Int32) {
        let number = Int(names.intern(name))
        if number == streams.count {
            streams.append(Stream(first: (ts, eventId, group())))
            heldBytes += 128 + name.count
        } else if (ts, eventId) < (streams[number].first.ts, streams[number].first.eventId) {
            streams[number].first = (ts, eventId, group())
        }
        streams[number].ts.append(ts)
        streams[number].eventId.append(eventId)
        streams[number].role.append(role)
        streams[number].transactionEffect.append(transactionEffect)
        heldBytes += 22
        if let request {
            let known = streams[number].requests.count
            let requestNumber = streams[number].requests.intern(request)
            if streams[number].requests.count > known { heldBytes += request.count + 12 }
            streams[number].request.append(requestNumber)
        } else {
            streams[number].request.append(-1)
        }
        if let report {
            streams[number].reports.append(report)
            heldBytes += MemoryLayout<ReportValues>.stride
        }
        if heldBytes > heldBudget, spillFailure == nil { spillHeld() }
    }

    /// Writes every stream's held lines to the spill file as one segment, and lets them go.
    private mutating func spillHeld() {
        do {
            let file = try spill ?? SpillFile(purpose: "lambda-lines", directory: spillDirectory)
            spill = file
            for number in streams.indices where streams[number].count > 0 {
                let bytes = LineSegmentCodec.encode(streams[number])
                let offset = try bytes.withUnsafeBytes { try file.append($0) }
                while segments.count <= number { segments.append([]) }
                segments[number].append((offset, bytes.count))
                streams[number] = Stream(first: streams[number].first)
            }
            heldBytes = streams.count * 128
        } catch {
            // Segments written before the failure are still read back; later lines stay held.
            spillFailure = "\(error)"
        }
    }

    /// Stream `number`'s lines, all of them, in the order they were read; what was held of them
    /// is let go (each stream is taken once, when it is replayed).
    mutating func take(stream number: Int) throws -> Stream {
        let held = streams[number]
        streams[number] = Stream(first: held.first)
        guard number < segments.count, !segments[number].isEmpty, let spill else { return held }
        var whole = Stream(first: held.first)
        for segment in segments[number] {
            whole.append(try LineSegmentCodec.decode(try spill.read(at: segment.offset, count: segment.count), first: held.first))
        }
        segments[number] = []
        whole.append(held)
        return whole
    }

    func name(ofStream number: Int) -> String { names.string(Int32(number)) }

    /// Stream numbers in the order of their names' bytes, as SQLite's BINARY collation orders
    /// them: the state machine reads streams in this order (it was `ORDER BY log_stream, ts, id`),
    /// which decides between invocations of two streams that share a request id.
    func streamsInNameOrder() -> [Int] {
        streams.indices.sorted { names.bytes(Int32($0)).lexicographicallyPrecedes(names.bytes(Int32($1))) }
    }
}
