extension SignatureRule {
    /// JDBC drivers and HikariCP (formats.md §4).
    static let jdbc: [SignatureRule] = [
    SignatureRule("connectorj-no-packets", driver: "Connector/J", .connectionTimeout, all: ["Communications link failure", "has not received any packets from the server"], tolerant: true, examples: [
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\n",
    ]),
    SignatureRule("connectorj-communications-link", driver: "Connector/J", .staleConnection, all: ["Communications link failure"], examples: [
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet successfully received from the server was 127 milliseconds ago.  The last packet sent successfully to the server was 8 milliseconds ago.\n",
    ]),
    SignatureRule("connectorj-statement-cancelled", driver: "Connector/J", .queryTimeout, all: ["Statement cancelled due to timeout or client request"], examples: [
        "com.mysql.cj.jdbc.exceptions.MySQLTimeoutException: Statement cancelled due to timeout or client request\n",
    ]),
    SignatureRule("connectorj-closed", driver: "Connector/J", .staleConnection, all: ["No operations allowed after connection closed"], examples: [
        "java.sql.SQLNonTransientConnectionException: No operations allowed after connection closed.\n",
    ]),
    SignatureRule("mssql-jdbc-query-timeout", driver: "mssql-jdbc", .queryTimeout, all: ["The query has timed out"], examples: [
        "com.microsoft.sqlserver.jdbc.SQLServerException: The query has timed out.\n",
    ]),
    SignatureRule("mssql-jdbc-connection-reset", driver: "mssql-jdbc", .staleConnection, all: ["sqlserverexception", "connection reset"], tolerant: true, examples: [
        "com.microsoft.sqlserver.jdbc.SQLServerException: Connection reset\n",
    ]),
    SignatureRule("mssql-jdbc-read-timed-out", driver: "mssql-jdbc", .staleConnection, all: ["sqlserverexception", "read timed out"], tolerant: true, examples: [
        "com.microsoft.sqlserver.jdbc.SQLServerException: Read timed out\n\tat com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4270)\n",
    ]),
    SignatureRule("hikari-connection-not-available", driver: "HikariCP", .connectionTimeout, all: ["Connection is not available, request timed out"], tolerant: true, examples: [
        "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n",
    ]),
    SignatureRule("pgjdbc-connection-closed", driver: "PgJDBC/HikariCP", .staleConnection, all: ["This connection has been closed"], examples: [
        "org.postgresql.util.PSQLException: This connection has been closed.\n",
        "HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@16913c10 (This connection has been closed.). Possibly consider using a shorter maxLifetime value.\n",
    ]),
    SignatureRule("pgjdbc-io-error", driver: "PgJDBC", .staleConnection, all: ["An I/O error occurred while sending to the backend"], examples: [
        "org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.\nCaused by: java.net.SocketException: Connection reset\n",
    ]),
    SignatureRule("pgjdbc-connection-attempt-failed", driver: "PgJDBC", .connectionTimeout, all: ["the connection attempt failed"], tolerant: true, examples: [
        "org.postgresql.util.PSQLException: The connection attempt failed.\nCaused by: java.net.SocketTimeoutException: connect timed out\n",
    ]),
    ]
}
