#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Short, printable excerpts of bad input for error messages.
enum Excerpt {
    static func of<C: Collection>(_ bytes: C, limit: Int = 120) -> String where C.Element == UInt8 {
        var out = ""
        for byte in bytes.prefix(limit) {
            if byte >= 0x20 && byte < 0x7f { out.append(Character(Unicode.Scalar(byte))) }
            else if byte == 0x09 { out += "\\t" }
            else { out += "\\x" + String(byte, radix: 16) }
        }
        if bytes.count > limit { out += "…" }
        return out
    }
}
