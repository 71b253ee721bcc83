import CSupport
import Foundation

enum TextExportReaderDate {
    static func isDate(_ text: Substring) -> Bool {
        var copy = String(text)
        return copy.withUTF8 { TextExportReader.startsWithDate($0) }
    }
}
