extension SignatureRule {
    /// The MySQL family: mysqljs, mysql2, PyMySQL, libmysqlclient (formats.md §4).
    static let mysql: [SignatureRule] = [
    SignatureRule("mysql-max-execution-time", driver: "MySQL", .queryTimeout, all: ["maximum statement execution time exceeded"], examples: [
        "[ERROR] OperationalError: (3024, 'Query execution was interrupted, maximum statement execution time exceeded')\n",
    ]),
    SignatureRule("mysql-connect-etimedout", driver: "mysql2", .connectionTimeout, all: ["connect ETIMEDOUT"], examples: [
        "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"connect ETIMEDOUT\",\"code\":\"ETIMEDOUT\"}\n",
    ]),
    SignatureRule("mysql-connection-lost", driver: "mysqljs/mysql2", .staleConnection, all: ["Connection lost: The server closed the connection."], examples: [
        "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Connection lost: The server closed the connection.\",\"code\":\"PROTOCOL_CONNECTION_LOST\"}\n",
    ]),
    SignatureRule("mysql2-closed-state", driver: "mysql2", .staleConnection, all: ["Can't add new command when connection is in closed state"], examples: [
        "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Can't add new command when connection is in closed state\"}\n",
    ]),
    SignatureRule("mysqljs-enqueue-after-fatal", driver: "mysqljs", .staleConnection, all: ["Cannot enqueue Query after fatal error"], examples: [
        "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Cannot enqueue Query after fatal error.\"}\n",
    ]),
    SignatureRule("mysql-server-gone-away", driver: "PyMySQL/mysqlclient", .staleConnection, all: ["MySQL server has gone away"], examples: [
        "[ERROR] OperationalError: (2006, \"MySQL server has gone away (BrokenPipeError(32, 'Broken pipe'))\")\n",
    ]),
    SignatureRule("mysql-lost-connection", driver: "PyMySQL/mysqlclient", .staleConnection, all: ["Lost connection to MySQL server"], examples: [
        "[ERROR] OperationalError: (2013, 'Lost connection to MySQL server during query')\n",
    ]),
    ]
}
