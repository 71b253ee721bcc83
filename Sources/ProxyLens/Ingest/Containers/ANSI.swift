#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes terminal colour sequences (`ESC [ ... m` and other CSI sequences).
enum ANSI {
    static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x1b, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j < bytes.count, !(bytes[j] >= 0x40 && bytes[j] <= 0x7e) { j += 1 }
                i = j + 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}
