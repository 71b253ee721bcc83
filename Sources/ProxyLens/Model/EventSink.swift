/// Where container readers send what they find.
public protocol EventSink: AnyObject {
    func accept(_ event: inout RawEvent) throws
    func note(_ issue: IngestIssue)
}
