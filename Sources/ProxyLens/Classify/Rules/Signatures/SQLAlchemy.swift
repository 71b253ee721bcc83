extension SignatureRule {
    /// SQLAlchemy wrappers (formats.md §4).
    static let sqlAlchemy: [SignatureRule] = [
    SignatureRule("sqlalchemy-queuepool-timeout", driver: "SQLAlchemy", .connectionTimeout, all: ["QueuePool limit of size", "connection timed out"], examples: [
        "[ERROR] TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)\n",
    ]),
    SignatureRule("sqlalchemy-not-connected", driver: "SQLAlchemy/pymssql", .staleConnection, all: ["Not connected to any MS SQL server"], tolerant: true, examples: [
        "[ERROR] OperationalError: (pymssql._mssql.MSSQLDriverException) Not connected to any MS SQL server\n",
    ]),
    ]
}
