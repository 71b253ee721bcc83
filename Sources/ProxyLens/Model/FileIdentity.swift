/// A file as the skip check sees it.
public struct FileIdentity: Hashable, Sendable {
    public let path: String
    public let bytes: Int64
    public let mtime: Int64?
}
