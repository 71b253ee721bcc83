extension SignatureRule {
    /// Go: net, database/sql, go-sql-driver/mysql (formats.md §4).
    static let go: [SignatureRule] = [
    SignatureRule("go-dial-timeout", driver: "Go net", .connectionTimeout, all: ["dial tcp", "i/o timeout"], tolerant: true, examples: [
        "2025/01/01 00:00:00 query failed: dial tcp 10.0.0.1:5432: i/o timeout\n",
    ]),
    SignatureRule("go-read-timeout", driver: "Go net", .queryTimeout, all: ["read tcp", "i/o timeout"], tolerant: true, examples: [
        "2025/01/01 00:00:00 query failed: read tcp 10.0.1.5:41234->10.0.0.1:5432: i/o timeout\n",
    ]),
    SignatureRule("go-context-deadline", driver: "Go database/sql", .ambiguousTimeout, all: ["context deadline exceeded"], tolerant: true, examples: [
        "{\"level\":\"error\",\"requestId\":\"f2704689-7aa3-4af3-ac88-857c01c4bd45\",\"msg\":\"query failed: context deadline exceeded\"}\n",
    ]),
    SignatureRule("go-bad-connection", driver: "Go database/sql", .staleConnection, all: ["driver: bad connection"], examples: [
        "2025/01/01 00:00:00 query failed: driver: bad connection\n",
    ]),
    SignatureRule("go-mysql-invalid-connection", driver: "go-sql-driver/mysql", .staleConnection, all: ["invalid connection"], tolerant: true, examples: [
        "[mysql] 2025/01/01 00:00:00 packets.go:37: unexpected EOF\n2025/01/01 00:00:00 query failed: invalid connection\n",
    ]),
    SignatureRule("go-mysql-unexpected-eof", driver: "go-sql-driver/mysql", .staleConnection, all: ["packets.go", "unexpected eof"], tolerant: true, examples: [
        "[mysql] 2026/03/14 09:24:34 packets.go:37: unexpected EOF\n",
    ]),
    ]
}
