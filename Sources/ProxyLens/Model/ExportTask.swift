/// `describe-export-tasks`: one CreateExportTask.
public struct ExportTask: Equatable, Sendable {
    public var taskId: String
    public var taskName: String?
    public var logGroup: String?
    public var destination: String?
    public var destinationPrefix: String?
    public var from: Int64?
    public var to: Int64?
    public var status: String?
}
