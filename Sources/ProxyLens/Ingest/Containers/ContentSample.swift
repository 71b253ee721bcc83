/// The start of a file's decoded content (up to 64 KiB, without a byte order mark or leading
/// white space) and its path: what containers are recognised from.
struct ContentSample {
    let path: String
    let bytes: [UInt8]
    /// `<prefix>/<taskId>/<stream…>/NNNNNN(.gz)`: a CreateExportTask object, whatever its lines.
    let exportLayout: (taskId: String, stream: String)?
    /// Why the content is no container at all (empty, binary), if so.
    let problem: String?
    /// The first key of a root JSON object.
    let firstKey: Substring?
    /// The first key of each root JSON object in the sample (a file can hold several documents:
    /// an `invoke` response, then a `get-log-events` page, as AWS's own get-logs.sh writes).
    /// Scanned only when asked: the first key alone decides nearly every file.
    var rootFirstKeys: [Substring] { bytes.first == UInt8(ascii: "{") ? ContentSample.rootFirstKeys(bytes) : [] }
    /// The lines of the sample, for the text layouts (colour sequences removed).
    let textVote: TextLayoutVote

    var firstByte: UInt8? { bytes.first }

    init(path: String, head: UnsafeBufferPointer<UInt8>) {
        self.path = path
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, head[i] == 0x20 || head[i] == 0x0a || head[i] == 0x0d || head[i] == 0x09 { i += 1 }
        bytes = Array(head[i...])
        exportLayout = InputPaths.exportTaskLayout(path)
        if bytes.isEmpty {
            problem = "empty file"
        } else if bytes.withUnsafeBufferPointer(ContentSample.looksBinary) {
            problem = "binary data, not a CloudWatch Logs export"
        } else {
            problem = nil
        }
        firstKey = bytes.first == UInt8(ascii: "{") ? ContentSample.firstKey(bytes) : nil
        textVote = TextLayoutVote(bytes)
    }

    /// Why `reader` took this sample, in words (for `proxylens inspect`).
    func explain(_ reader: any ContainerReader) -> String {
        if let layout = exportLayout, reader.name == "s3-export" {
            return "its path is a CreateExportTask object's (<task \(layout.taskId)>/<stream>/NNNNNN); stream \(layout.stream)"
        }
        if let key = firstKey { return "a JSON object whose first key is \"\(key)\"" }
        if firstByte == UInt8(ascii: "[") { return "a JSON array" }
        if textVote.csvHeader { return "a CSV header with @timestamp and @message" }
        if let layout = TextExportReader.Layout(rawValue: reader.name) {
            let fit = textVote.fits[layout] ?? 0
            return "\(fit) of \(textVote.timestamped) sampled timestamped lines fit the \(reader.name) layout"
        }
        return "recognised by \(reader.name)"
    }

    /// The first key of the object the bytes begin with (the AWS CLI prints keys in a fixed order).
    private static func firstKey(_ bytes: [UInt8]) -> Substring? {
        let head = String(decoding: bytes, as: UTF8.self)
        guard let quote = head.firstIndex(of: "\"") else { return nil }
        return head[head.index(after: quote)...].prefix { $0 != "\"" }
    }

    /// The first key of every root object that begins in the bytes (up to 16), strings skipped.
    static func rootFirstKeys(_ bytes: [UInt8]) -> [Substring] {
        var keys: [Substring] = []
        var depth = 0
        var i = 0
        var wantKey = false
        while i < bytes.count, keys.count < 16 {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                var end = i + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == 0x5c ? 2 : 1 }
                if wantKey, end <= bytes.count {
                    keys.append(Substring(String(decoding: bytes[(i + 1)..<min(end, bytes.count)], as: UTF8.self)))
                    wantKey = false
                }
                i = end + 1
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                if depth == 0 && byte == UInt8(ascii: "{") { wantKey = true }
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            }
            i += 1
        }
        return keys
    }

    /// NUL bytes or mostly control bytes in the first kilobytes.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sample = bytes.prefix(4096)
        // A few NUL or control bytes inside otherwise readable text are kept (and noted); a
        // file that is mostly control bytes is not a log export.
        var control = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0a && byte != 0x0d && byte != 0x1b {
            control += 1
        }
        return control * 20 > sample.count || (sample.count >= 2 && sample.prefix(2).allSatisfy { $0 == 0 })
    }
}
