import Testing
@testable import ProxyLens

/// What the error text and its context (the invocation's other error lines) decide together.
@Suite("Error classifier: the text and the invocation's other lines")
struct ErrorClassifierTests {
    /// Node's and Python's bare socket timeouts name nothing: the same words come from HTTP
    /// clients (`samples/errors/real-world.ndjson` holds both), so the text alone decides nothing.
    static let bareTimeouts = ["Error: connect ETIMEDOUT\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1104:14)",
                               "TimeoutError: [Errno 110] Connection timed out"]

    @Test("a bare timeout is unclassified alone, a connection timeout when another line of the invocation names the database, and stays unclassified when one names an HTTP API")
    func bareTimeoutReadWithItsContext() {
        let classifier = ErrorClassifier()
        for text in Self.bareTimeouts {
            #expect(classifier.classify(text) == nil, "\(text)")
            let withDatabase = classifier.classify(text, context: "2026-03-14T09:24:31.120Z\tINFO\topening connection to postgres at orders.proxy-abc.us-east-1.rds.amazonaws.com:5432")
            #expect(RealWorldErrorTests.cause(withDatabase, text: text) == "connection-timeout", "\(text)")
            #expect(classifier.classify(text, context: "calling https://api.stripe.com/v1/charges") == nil, "\(text)")
        }
    }
}
