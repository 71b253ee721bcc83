extension SignatureRule {
    /// node-postgres (`pg`, `pg-pool`) (formats.md §4).
    static let nodePostgres: [SignatureRule] = [
    SignatureRule("pg-pool-connect-timeout", driver: "node-postgres", .connectionTimeout, all: ["timeout exceeded when trying to connect"], examples: [
        #"{"timestamp":"2025-12-07T14:05:08.235Z","level":"ERROR","requestId":"bf246a2b-fa67-488f-b00c-8aa3d93e52ab","message":{"errorType":"Error","errorMessage":"timeout exceeded when trying to connect","stackTrace":["Error: timeout exceeded when trying to connect"]}}"#,
    ]),
    SignatureRule("pg-connection-timeout", driver: "node-postgres", .connectionTimeout, all: ["Connection terminated due to connection timeout"], examples: [
        "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Connection terminated due to connection timeout\"}\n",
    ]),
    SignatureRule("pg-query-read-timeout", driver: "node-postgres", .queryTimeout, all: ["Query read timeout"], examples: [
        #"{"timestamp":"2025-12-07T13:57:20.195Z","level":"ERROR","requestId":"e8b77533-86e0-4ab3-bd41-338e51762ad5","message":{"errorType":"Error","errorMessage":"Query read timeout","stackTrace":["Error: Query read timeout"]}}"#,
    ]),
    // client.js: `this._ending ? 'Connection terminated' : 'Connection terminated unexpectedly'`:
    // only the second is the socket ending under the client (the first is the application's own
    // end(), GenericVocabulary.nodePostgresEndedByApplication).
    SignatureRule("pg-connection-terminated", driver: "node-postgres", .staleConnection, all: ["Connection terminated unexpectedly"], examples: [
        "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Connection terminated unexpectedly\"}\n",
    ]),
    // Only the connection error's variant: `Client was closed and is not queryable` is a query on a
    // client the application ended itself (client.js query(): `if (this._ending)`, set only by end()).
    SignatureRule("pg-client-not-queryable", driver: "node-postgres", .staleConnection, all: ["has encountered a connection error and is not queryable"], examples: [
        "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Client has encountered a connection error and is not queryable\"}\n",
    ]),
    ]
}
