import Foundation

/// One piece of evidence for a failure, resolved from the ids `failure.evidence` stores
/// (`event:28`, `proxy-session:P/C`, `proxy-db-connection:P/D`, `metric:...`) when reporting.
public struct EvidenceItem: Sendable, Codable, Equatable {
    /// `log` (a Lambda log line), `proxy-log` (an RDS Proxy log line), `proxy-session`,
    /// `proxy-db-connection`, `metric`, or `other`.
    public var kind: String
    /// The log line itself, or what the session, connection or metric shows.
    public var text: String
    /// `event.id` of the line, when the evidence is one.
    public var eventId: Int64?
    /// When it happened (epoch ms).
    public var time: Int64?
    /// The log stream (for a proxy session or connection: the proxy's log group).
    public var stream: String?

    public init(kind: String, text: String, eventId: Int64? = nil, time: Int64? = nil, stream: String? = nil) {
        self.kind = kind
        self.text = text
        self.eventId = eventId
        self.time = time
        self.stream = stream
    }

    /// As JSON, the keys the report and `failures` write: kind, text, event_id, time, stream.
    public var json: String {
        "{\"kind\":\(JSONText.string(kind)),\"text\":\(JSONText.string(text)),\"event_id\":\(eventId.map(String.init) ?? "null"),"
            + "\"time\":\(time.map { JSONText.string(Timestamp.iso($0)) } ?? "null"),\"stream\":\(stream.map(JSONText.string) ?? "null")}"
    }
}
