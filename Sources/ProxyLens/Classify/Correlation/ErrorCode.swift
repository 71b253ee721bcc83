/// The driver's error code, SQLSTATE or error number in an error text.
enum ErrorCode {
    static func extract(_ text: String) -> String? {
        // ('HYT00', '[HYT00] …'), [08S01]
        if let range = text.utf8Range(of: "('"), let end = text[range.upperBound...].firstIndex(of: "'") {
            let code = text[range.upperBound..<end]
            if code.count == 5, code.allSatisfy({ $0.isLetter || $0.isNumber }) { return "SQLSTATE \(code)" }
        }
        // Error Number:10054,State:0,Class:20 (SqlClient)
        if let range = text.utf8Range(of: "Error Number:") {
            return "error \(text[range.upperBound...].prefix { $0.isNumber || $0 == "-" })"
        }
        // (20003, b'DB-Lib…'), (2006, "MySQL…"), (1040, '…'), Error 9501
        if let range = text.utf8Range(of: "Error ") , let number = Int(text[range.upperBound...].prefix { $0.isNumber }), number > 999 {
            return "error \(number)"
        }
        if let open = text.firstIndex(of: "(") {
            let digits = text[text.index(after: open)...].prefix { $0.isNumber }
            if digits.count >= 4, text[text.index(open, offsetBy: digits.count + 1)...].hasPrefix(",") { return "error \(digits)" }
        }
        if text.contains("57014") || text.contains("canceling statement due to statement timeout") { return "SQLSTATE 57014" }
        if text.contains("Timed-out waiting to acquire database connection") { return "RDS Proxy 9501" }
        if let range = text.utf8Range(of: "Win32Exception (") {
            return "win32 \(text[range.upperBound...].prefix { $0.isNumber })"
        }
        if let range = text.utf8Range(of: "\"code\":\"") { return String(text[range.upperBound...].prefix { $0 != "\"" }) }
        return nil
    }
}
