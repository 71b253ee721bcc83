extension SignatureRule {
    /// The RDS Proxy's own client errors (formats.md §3): they appear wrapped by every driver, so first.
    static let rdsProxy: [SignatureRule] = [
    SignatureRule("rds-proxy-borrow-timeout", driver: "RDS Proxy", .borrowTimeout, all: ["Timed-out waiting to acquire database connection"], examples: [
        "[ERROR] ConnectionException: Timed-out waiting to acquire database connection\nTraceback (most recent call last):\n",
        "2025-12-07T14:03:07.562Z\t30e5c488-6fcf-4337-b692-3d2df74cc98d\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): Timed-out waiting to acquire database connection\n   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\n",
        "2024-03-01T10:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Error 9501: Timed-out waiting to acquire database connection\"}\n",
    ]),
    SignatureRule("rds-proxy-connection-limit", driver: "RDS Proxy", .connectionRejected, all: ["1040", "exceeded"], examples: [
        "[ERROR] OperationalError: (1040, 'Number simultaneous connections exceeded (100)')\nTraceback (most recent call last):\n",
        "[ERROR] OperationalError: (1040, 'Connections rate limit exceeded (50)')\n",
    ]),
    SignatureRule("rds-proxy-client-limit-postgres", driver: "RDS Proxy", .connectionRejected, all: ["maximum number of client connections to the proxy exceeded"], tolerant: true, examples: [
        "[ERROR] OperationalError: The maximum number of client connections to the proxy exceeded 1000.\n",
    ]),
    SignatureRule("rds-proxy-connection-rate", driver: "RDS Proxy", .connectionRejected, all: ["rate of connection to proxy exceeded"], tolerant: true, examples: [
        "[ERROR] OperationalError: Rate of connection to proxy exceeded 100.\n",
    ]),
    SignatureRule("rds-proxy-iam-throttle", driver: "RDS Proxy", .connectionRejected, all: ["iam authentication", "too many competing requests"], tolerant: true, examples: [
        "[ERROR] OperationalError: The IAM authentication failed because of too many competing requests.\n",
    ]),
    SignatureRule("rds-proxy-broken-session", driver: "RDS Proxy", .staleConnection, all: ["Unknown error. SSL connection has been closed unexpectedly"], examples: [
        "[ERROR] OperationalError: Unknown error. SSL connection has been closed unexpectedly\n",
    ]),
    ]
}
