import Foundation

/// What `alarms` was asked for.
public struct AlarmOptions: Sendable {
    public var snsTopicArn: String?
    /// Only these proxies / functions (all when empty).
    public var proxies: [String]
    public var functions: [String]

    public init(snsTopicArn: String? = nil, proxies: [String] = [], functions: [String] = []) {
        self.snsTopicArn = snsTopicArn
        self.proxies = proxies
        self.functions = functions
    }

    /// An SNS topic ARN as AlarmActions takes it: `arn:<partition>:sns:<region>:<account>:<topic>`.
    public static func isTopicArn(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[1].hasPrefix("aws") && parts[2] == "sns" && !parts[3].isEmpty
            && parts[4].count == 12 && parts[4].allSatisfy(\.isNumber) && !parts[5].isEmpty
            && parts[5].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
