/// The id of a file's `source` row, set by store work that may run on the writing thread.
final class SourceRow: @unchecked Sendable {
    var id: Int64 = 0
}
