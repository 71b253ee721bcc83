/// A `source` row before its file is read.
struct NewSource {
    var path: String
    var bytes: Int64
    var mtime: Int64?
    var compressed: Bool
    var exportTaskId: String?
}
