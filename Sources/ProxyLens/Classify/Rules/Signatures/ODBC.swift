extension SignatureRule {
    /// pyodbc with Microsoft ODBC Driver 17/18 (formats.md §4).
    static let odbc: [SignatureRule] = [
    SignatureRule("odbc-login-timeout", driver: "pyodbc/ODBC", .connectionTimeout, all: ["Login timeout expired"], examples: [
        "[ERROR] OperationalError: ('HYT00', '[HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired (0) (SQLDriverConnect)')\nTraceback (most recent call last):\n",
    ]),
    SignatureRule("odbc-query-timeout", driver: "pyodbc/ODBC", .queryTimeout, all: ["Query timeout expired"], examples: [
        "[ERROR] OperationalError: ('HYT00', '[HYT00] [Microsoft][ODBC Driver 18 for SQL Server]Query timeout expired (0) (SQLExecDirectW)')\nTraceback (most recent call last):\n",
    ]),
    SignatureRule("odbc-connection-timeout-hyt01", driver: "pyodbc/ODBC", .connectionTimeout, all: ["HYT01"], tolerant: true, examples: [
        "[ERROR] OperationalError: ('HYT01', '[HYT01] [Microsoft][ODBC Driver 18 for SQL Server]Connection timeout expired (0) (SQLDriverConnect)')\n",
    ]),
    SignatureRule("odbc-hyt00-other", driver: "pyodbc/ODBC", .ambiguousTimeout, all: ["HYT00"], examples: [
        "[ERROR] OperationalError: ('HYT00', '[HYT00] [Microsoft][ODBC Driver 18 for SQL Server]Timeout expired (0) (SQLExecDirectW)')\n",
    ]),
    // ODBC writes a diagnostic's SQLSTATE in brackets before the vendor and driver
    // (`[08S01] [Microsoft][ODBC Driver 17 for SQL Server]…`, SQLGetDiagRec's message format).
    // A bare 08S01 is also what MariaDB Connector/Node.js and Connector/J attach to their own
    // errors, connect and socket timeouts among them (`(conn=-1, no: 45012, SQLState: 08S01)
    // Connection timeout: …`): those are read by the catalogue, then by the codes layer.
    SignatureRule("odbc-communication-link-failure", driver: "pyodbc/ODBC", .staleConnection, all: ["[08S01]"], examples: [
        "[ERROR] OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (0) (SQLExecDirectW)')\n",
        "[ERROR] OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\\r\\n (10054) (SQLExecDirectW); [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054)')\n",
    ]),
    ]
}
