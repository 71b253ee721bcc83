import CSupport

/// The 64-bit hash of a message that `event.msg_hash` holds and dedupe compares: of the message
/// without trailing white space, so that `aws logs tail` (which strips it) and the other exports
/// of the same event agree. Which function a database uses is in `meta` (`msg_hash`): databases
/// that held events before schema 5 keep FNV-1a, which reads a byte at a time; the others use
/// XXH64, which reads eight (FNV-1a was about 6 % of the reading thread's time).
enum MessageHash: String {
    case fnv1a64 = "fnv1a-64"
    case xxh64 = "xxh64"

    /// The function `database` uses.
    static func used(by database: Database) throws -> MessageHash {
        let name = try database.scalar("SELECT value FROM meta WHERE key = 'msg_hash'").string
        return name.flatMap(MessageHash.init(rawValue:)) ?? .fnv1a64
    }

    func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0a || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0d { end -= 1 }
        switch self {
        case .fnv1a64: return Self.fnv(UnsafeBufferPointer(rebasing: bytes[..<end]))
        case .xxh64: return proxylens_xxh64(bytes.baseAddress, end, 0)
        }
    }

    /// 64-bit FNV-1a.
    static func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
