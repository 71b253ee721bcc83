/// Folded rows written out of memory in sorted runs, and read back one owner's rows at a time in
/// id order, so that rows of one key spread over several runs can be merged as the in-memory rows
/// are. Rows are plain numbers (`BitwiseCopyable`: their texts are numbers in an interner that
/// stays in memory), so a run is the rows' own bytes.
final class RowRuns<Row: BitwiseCopyable> {
    struct Record: BitwiseCopyable {
        var id: Int64
        var row: Row
    }

    private let purpose: String
    /// Where the file is made (nil: where SQLite makes its temporary files).
    private let directory: String?
    private var file: SpillFile?
    /// Per run, where each owner's records are (sorted by id).
    private var runs: [[Int32: (offset: Int64, count: Int)]] = []

    init(purpose: String, directory: String? = nil) {
        self.purpose = purpose
        self.directory = directory
    }

    var isEmpty: Bool { runs.isEmpty }

    /// Writes `count` rows as one run, sorted by owner then id, through a small buffer: only an
    /// order of the rows is made, never a copy of them (a spill happens when memory is full).
    /// Recorded only once the whole run is written: a failed write leaves the runs as they were.
    func write(count: Int, owner: (Int) -> Int32, id: (Int) -> Int64, row: (Int) -> Row) throws {
        guard count > 0 else { return }
        let file = try self.file ?? SpillFile(purpose: purpose, directory: directory)
        self.file = file
        let order = (0..<Int32(count)).sorted { (owner(Int($0)), id(Int($0))) < (owner(Int($1)), id(Int($1))) }.map { Int($0) }
        var directory: [Int32: (offset: Int64, count: Int)] = [:]
        var buffer: [Record] = []
        buffer.reserveCapacity(Cursor.recordsPerRead)
        func flush() throws {
            try buffer.withUnsafeBytes { _ = try file.append($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        var position = 0
        while position < order.count {
            let first = owner(order[position])
            let offset = file.size + Int64(buffer.count * MemoryLayout<Record>.stride)
            var owned = 0
            while position < order.count, owner(order[position]) == first {
                buffer.append(Record(id: id(order[position]), row: row(order[position])))
                if buffer.count == Cursor.recordsPerRead { try flush() }
                position += 1
                owned += 1
            }
            directory[first] = (offset, owned)
        }
        try flush()
        runs.append(directory)
    }

    /// One cursor per run that holds rows of `owner`, each at its first record.
    func cursors(owner: Int32) throws -> [Cursor] {
        guard let file else { return [] }
        return try runs.compactMap { $0[owner] }.map { try Cursor(file: file, offset: $0.offset, count: $0.count) }
    }

    /// Reads one owner's records of one run in order, a few thousand at a time.
    final class Cursor {
        private let file: SpillFile
        private var offset: Int64
        private var remaining: Int
        private var buffer: [Record] = []
        private var position = 0
        static var recordsPerRead: Int { max(1, (256 << 10) / MemoryLayout<Record>.stride) }

        init(file: SpillFile, offset: Int64, count: Int) throws {
            self.file = file
            self.offset = offset
            remaining = count
            try refill()
        }

        /// The record the cursor is at; nil once every record was read.
        var current: Record? { position < buffer.count ? buffer[position] : nil }

        func advance() throws {
            position += 1
            if position == buffer.count { try refill() }
        }

        private func refill() throws {
            let count = min(remaining, Self.recordsPerRead)
            position = 0
            guard count > 0 else { buffer = []; return }
            let stride = MemoryLayout<Record>.stride
            let bytes = try file.read(at: offset, count: count * stride)
            buffer = [Record](unsafeUninitializedCapacity: count) { records, initialized in
                bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(records).copyMemory(from: $0) }
                initialized = count
            }
            offset += Int64(count * stride)
            remaining -= count
        }
    }
}
