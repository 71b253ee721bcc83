/// What a Lambda log stream's name says of its function. AWS documents that a function logging
/// to a custom log group (one several functions may share) writes streams named
/// `YYYY/MM/DD/<function_name>[<function_version>]<execution_environment_GUID>`, while the
/// default group's streams are `YYYY/MM/DD/[<version>]<GUID>`
/// (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html).
/// A function name read there is the export's own, not a guess from a file name.
public enum LambdaStreamName {
    /// The function a stream names, if it has the custom-group form.
    public static func function(in stream: String) -> String? {
        let bytes = Array(stream.utf8)
        // `YYYY/MM/DD/` then the name up to `[`.
        guard bytes.count > 12, bytes[4] == UInt8(ascii: "/"), bytes[7] == UInt8(ascii: "/"), bytes[10] == UInt8(ascii: "/"),
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ bytes[$0] >= 48 && bytes[$0] <= 57 }),
              let open = bytes[11...].firstIndex(of: UInt8(ascii: "[")), open > 11,
              bytes[open...].contains(UInt8(ascii: "]")) else { return nil }
        let name = bytes[11..<open]
        // Lambda function names: letters, digits, hyphens and underscores.
        guard name.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 }) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }
}
