import Foundation
import Testing
@testable import ProxyLens

/// The generic layer (`GenericVocabulary`, read by `ErrorClassifier` after the catalogue and the
/// codes): what it makes of a client no catalogue entry knows.
@Suite("Generic vocabulary")
struct GenericVocabularyTests {
    @Test("identifiers are spelled out as the words they are made of; a text without one is left alone")
    func identifiersSpelledOut() {
        let spelled: [(String, String?)] = [
            ("write CONNECTION_CLOSED db.internal:5432", "write CONNECTION CLOSED db.internal:5432"),
            ("Io(Os { code: 104, kind: ConnectionReset, message: \"Connection reset by peer\" })",
             "Io(Os { code: 104, kind: Connection Reset, message: \"Connection reset by peer\" })"),
            ("Error [ERR_SOCKET_CONNECTION_TIMEOUT]: Socket connection timeout", "Error [ERR SOCKET CONNECTION TIMEOUT]: Socket connection timeout"),
            ("HTTPConnectionPool(host='api.example.com', port=443)", "HTTP Connection Pool(host='api.example.com', port=443)"),
            // No identifier: upper-case words, errno names and leading underscores stay as they are.
            ("Error: read ECONNRESET", nil),
            ("server closed the connection unexpectedly", nil),
            ("at __init__ (/var/task/app.py:3)", nil),
        ]
        for (text, expected) in spelled {
            #expect(GenericVocabulary.identifiersSpelledOut(text) == expected, "\(text)")
        }
    }

    /// The generic layer alone (no signature, no catalogue entry): a client it has never seen.
    static let genericOnly: ErrorClassifier = {
        var classifier = ErrorClassifier(rules: RuleSet(signatures: []))
        classifier.catalogue = []
        return classifier
    }()

    @Test("a client's error identifiers are read as words, with no entry of the client's own")
    func identifiersRead() {
        // postgres.js names its connection errors by code (src/errors.js connection(): `'write ' +
        // code + ' ' + host:port`, the code also set as `code` and `errno`); connectTimedOut in
        // src/connection.js raises CONNECT_TIMEOUT, the socket's close CONNECTION_CLOSED.
        let closed = """
            Error: write CONNECTION_CLOSED orders.proxy-c8x2.eu-west-1.rds.amazonaws.com:5432
                at TLSSocket.closed (/var/task/node_modules/postgres/cjs/src/connection.js:438:57)
                at TLSSocket.emit (node:events:519:28)
                at node:net:338:12
                at TCP.done (node:_tls_wrap:657:7) {
              code: 'CONNECTION_CLOSED',
              errno: 'CONNECTION_CLOSED',
              address: 'orders.proxy-c8x2.eu-west-1.rds.amazonaws.com',
              port: 5432
            }
            """
        let timedOut = """
            Error: write CONNECT_TIMEOUT orders.proxy-c8x2.eu-west-1.rds.amazonaws.com:5432
                at Timeout.connectTimedOut [as _onTimeout] (/var/task/node_modules/postgres/cjs/src/connection.js:257:20)
                at listOnTimeout (node:internal/timers:573:17)
                at process.processTimers (node:internal/timers:514:7) {
              code: 'CONNECT_TIMEOUT',
              errno: 'CONNECT_TIMEOUT',
              address: 'orders.proxy-c8x2.eu-west-1.rds.amazonaws.com',
              port: 5432
            }
            """
        let closedVerdict = Self.genericOnly.classify(closed)
        #expect(closedVerdict?.rule == "generic:dead-connection")
        #expect(RealWorldErrorTests.cause(closedVerdict, text: closed) == "stale-connection")
        // "timeout" alone names no phase; the identifier's "connect" does.
        let timedOutVerdict = Self.genericOnly.classify(timedOut)
        #expect(timedOutVerdict?.rule == "generic:connect-timeout")
        #expect(RealWorldErrorTests.cause(timedOutVerdict, text: timedOut) == "connection-timeout")
    }

    @Test("spelled-out identifiers make no text about a database: undici's connect timeout stays unclassified")
    func identifiersOfAnotherClient() {
        // undici (lib/core/errors.js ConnectTimeoutError, code UND_ERR_CONNECT_TIMEOUT) under
        // Node's fetch, as console.error prints it.
        let fetch = """
            TypeError: fetch failed
                at node:internal/deps/undici/undici:13502:13
                at async Runtime.handler (file:///var/task/index.mjs:12:20) {
              [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: pricing.example.com:443, timeout: 10000ms)
                  at onConnectTimeout (node:internal/deps/undici/undici:2602:28)
                  at node:internal/deps/undici/undici:2554:50 {
                code: 'UND_ERR_CONNECT_TIMEOUT'
              }
            }
            """
        #expect(ErrorClassifier().classify(fetch) == nil)
        #expect(Self.genericOnly.classify(fetch) == nil)
    }
}
