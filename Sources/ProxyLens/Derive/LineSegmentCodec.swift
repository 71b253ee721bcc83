/// The bytes one stream's lines are written to a `SpillFile` as, and read back from: the
/// parallel arrays as they are in memory, then the stream's request ids and REPORT values.
/// Written and read by the same process only, so numbers keep the machine's own byte order.
enum LineSegmentCodec {
    static func encode(_ stream: LambdaLines.Stream) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 + stream.count * 22 + stream.reports.count * 60)
        func put<Number>(_ value: Number) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
        func put<Number>(_ values: [Number]) { values.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        func put(_ text: String?) {
            guard var text else { put(UInt32.max); return }
            text.withUTF8 { put(UInt32($0.count)); bytes.append(contentsOf: $0) }
        }
        func put<Value>(_ value: Value??, as number: (Value) -> UInt64) {
            switch value {
            case .none: put(UInt8(0))
            case .some(.none): put(UInt8(1))
            case .some(.some(let value)): put(UInt8(2)); put(number(value))
            }
        }
        put(UInt32(stream.count)); put(UInt32(stream.reports.count)); put(UInt32(stream.requests.count))
        put(stream.ts); put(stream.eventId); put(stream.role.map(\.rawValue)); put(stream.transactionEffect); put(stream.request)
        for number in 0..<Int32(stream.requests.count) {
            let id = stream.requests.bytes(number)
            put(UInt32(id.count))
            bytes.append(contentsOf: id)
        }
        for report in stream.reports {
            put(report.durationMs, as: \.bitPattern); put(report.billedMs, as: { UInt64(bitPattern: $0) })
            put(report.initMs, as: \.bitPattern); put(report.memoryMB, as: { UInt64(bitPattern: $0) })
            put(report.maxMemoryMB, as: { UInt64(bitPattern: $0) })
            put(report.status); put(report.errorType)
        }
        return bytes
    }

    /// The lines of `bytes` (an `encode`d segment), as a stream of their own whose earliest line
    /// is `first` (the whole stream's: `LambdaLines.take` appends the segments in order).
    static func decode(_ bytes: [UInt8], first: (ts: Int64, eventId: Int64, group: Int32)) throws -> LambdaLines.Stream {
        var stream = LambdaLines.Stream(first: first)
        func cutShort() -> ProxyLensError {
            ProxyLensError(.database, "temporary file", "a spilled segment of log stream lines does not read back as written")
        }
        return try bytes.withUnsafeBytes { raw in
            var offset = 0
            func take(_ count: Int) throws -> UnsafeRawBufferPointer {
                guard count >= 0, offset + count <= raw.count else { throw cutShort() }
                defer { offset += count }
                return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])
            }
            func number<Number>(_: Number.Type) throws -> Number { try take(MemoryLayout<Number>.size).loadUnaligned(as: Number.self) }
            func numbers<Number>(_: Number.Type, _ count: Int) throws -> [Number] {
                let source = try take(count * MemoryLayout<Number>.stride)
                return [Number](unsafeUninitializedCapacity: count) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                    initialized = count
                }
            }
            func text() throws -> String? {
                let length = try number(UInt32.self)
                return length == .max ? nil : String(decoding: try take(Int(length)), as: UTF8.self)
            }
            func optional<Value>(_ make: (UInt64) -> Value) throws -> Value?? {
                switch try number(UInt8.self) {
                case 0: return nil
                case 1: return .some(nil)
                default: return make(try number(UInt64.self))
                }
            }
            let count = Int(try number(UInt32.self)), reports = Int(try number(UInt32.self)), requests = Int(try number(UInt32.self))
            stream.ts = try numbers(Int64.self, count)
            stream.eventId = try numbers(Int64.self, count)
            stream.role = try numbers(UInt8.self, count).map { raw in
                guard let role = LineRole(rawValue: raw) else { throw cutShort() }
                return role
            }
            stream.transactionEffect = try numbers(Int8.self, count)
            stream.request = try numbers(Int32.self, count)
            for _ in 0..<requests {
                let id = try take(Int(try number(UInt32.self)))
                _ = stream.requests.intern(id.assumingMemoryBound(to: UInt8.self))
            }
            // Numbers past the segment's own ids would name nothing on the way back.
            guard stream.request.allSatisfy({ $0 < Int32(requests) }), stream.requests.count == requests else { throw cutShort() }
            for _ in 0..<reports {
                var report = ReportValues()
                report.durationMs = try optional { Double(bitPattern: $0) }
                report.billedMs = try optional { Int64(bitPattern: $0) }
                report.initMs = try optional { Double(bitPattern: $0) }
                report.memoryMB = try optional { Int64(bitPattern: $0) }
                report.maxMemoryMB = try optional { Int64(bitPattern: $0) }
                let status = try text(), errorType = try text()
                if status != nil || errorType != nil { (report.status, report.errorType) = (status, errorType) }
                stream.reports.append(report)
            }
            return stream
        }
    }
}
