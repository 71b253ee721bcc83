/// A problem in one input that did not stop the rest of it from being read.
public struct IngestIssue: Sendable, Equatable {
    public var line: Int?
    public var offset: Int64?
    public var reason: String
    public var excerpt: String?
    /// True when nothing was lost (e.g. invalid UTF-8 replaced): noted, but not a skip.
    public var keptData: Bool

    public init(line: Int? = nil, offset: Int64? = nil, reason: String, excerpt: String? = nil, keptData: Bool = false) {
        self.line = line
        self.offset = offset
        self.reason = reason
        self.excerpt = excerpt
        self.keptData = keptData
    }
}
