extension SignatureRule {
    /// Ordered: the RDS Proxy's own client errors first (they appear wrapped by every driver),
    /// then pool and login timeouts before the generic timeout texts they contain words of, then
    /// query timeouts, then dead-connection texts, then transaction-state texts. Strings marked
    /// [U] in formats.md are matched tolerantly.
    public static let all: [SignatureRule] = [
        // MARK: RDS Proxy client errors (formats.md §3)
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

        // MARK: .NET SqlClient (formats.md §4)
        SignatureRule("sqlclient-pool-timeout", driver: ".NET SqlClient", .connectionTimeout, all: ["prior to obtaining a connection from the pool"], examples: [
            "2025-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tSystem.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.\n",
        ]),
        SignatureRule("sqlclient-connection-timeout", driver: ".NET SqlClient", .connectionTimeout, all: ["Connection Timeout Expired."], examples: [
            "2025-12-07T13:52:52.924Z\t9e596c2e-e4d4-4701-9490-00b4dc11df2b\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.  This could be because the pre-login handshake failed or the server was unable to respond back in time.  The duration spent while attempting to connect to this server was - [Pre-Login] initialization=15018; handshake=3; \n",
            "2025-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed at the start of the pre-login phase.\n",
        ]),
        SignatureRule("sqlclient-execution-timeout", driver: ".NET SqlClient", .queryTimeout, all: ["Execution Timeout Expired."], examples: [
            "2025-12-07T13:47:14.312Z\t7284caa3-31ca-4a8e-adb4-16ffa530930e\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.\n",
        ]),
        SignatureRule("sqlclient-timeout-expired-legacy", driver: "System.Data.SqlClient", .queryTimeout, all: ["Timeout expired.", "prior to completion of the operation"], examples: [
            "2019-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tSystem.Data.SqlClient.SqlException (0x80131904): Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n",
        ]),
        SignatureRule("sqlclient-transport-error", driver: ".NET SqlClient", .staleConnection, all: ["A transport-level error has occurred"], examples: [
            "2025-12-07T13:31:14.862Z\tff3fc8b9-cd4d-4519-8db8-057bce0bf539\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)\n",
            "2025-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An established connection was aborted by the software in your host machine.)\n",
        ]),
        SignatureRule("sqlclient-transaction-not-disposed", driver: ".NET SqlClient", .transactionState, all: ["has completed but has not been disposed"], examples: [
            "2025-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tSystem.InvalidOperationException: The transaction associated with the current connection has completed but has not been disposed.  The transaction must be disposed before the connection can be used to execute SQL statements.\n",
        ]),
        SignatureRule("sqlserver-3971-resume-transaction", driver: "SQL Server", .transactionState, all: ["failed to resume the transaction"], examples: [
            "2025-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): The server failed to resume the transaction. Desc:3400000005.\n",
        ]),
        SignatureRule("sqlserver-8525-distributed-transaction", driver: "SQL Server", .transactionState, all: ["Distributed transaction completed"], examples: [
            "2025-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): Distributed transaction completed. Either enlist this session in a new transaction or the NULL transaction.\n",
        ]),

        // MARK: pyodbc + ODBC Driver 17/18
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
        SignatureRule("odbc-communication-link-failure", driver: "pyodbc/ODBC", .staleConnection, all: ["08S01"], examples: [
            "[ERROR] OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (0) (SQLExecDirectW)')\n",
            "[ERROR] OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\\r\\n (10054) (SQLExecDirectW); [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054)')\n",
        ]),

        // MARK: pymssql / FreeTDS
        SignatureRule("freetds-20003-timed-out", driver: "pymssql/FreeTDS", .ambiguousTimeout, all: ["Adaptive Server connection timed out"], examples: [
            "[ERROR] OperationalError: (20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (ledger.proxy-abc.us-east-1.rds.amazonaws.com:1433)\\n')\n",
        ]),
        SignatureRule("freetds-20002-connection-failed", driver: "pymssql/FreeTDS", .connectionRejected, all: ["Adaptive Server connection failed"], examples: [
            "[ERROR] OperationalError: (20002, b'DB-Lib error message 20002, severity 9:\\nAdaptive Server connection failed (ledger.proxy-abc.us-east-1.rds.amazonaws.com)\\n')\n",
        ]),
        SignatureRule("freetds-20009-unable-to-connect", driver: "pymssql/FreeTDS", .connectionRejected, all: ["unable to connect: adaptive server is unavailable"], tolerant: true, examples: [
            "[ERROR] OperationalError: (20009, b'DB-Lib error message 20009, severity 9:\\nUnable to connect: Adaptive Server is unavailable or does not exist (journal.proxy-abc.us-east-1.rds.amazonaws.com)\\n')\n",
        ]),
        SignatureRule("freetds-net-lib-reset", driver: "pymssql/FreeTDS", .staleConnection, all: ["Net-Lib error during Connection reset by peer"], examples: [
            "[ERROR] OperationalError: (20017, b'DB-Lib error message 20017, severity 9:\\nUnexpected EOF from the server\\nNet-Lib error during Connection reset by peer (104)\\n')\n",
        ]),

        SignatureRule("freetds-dead-connection", driver: "pymssql/FreeTDS", .staleConnection, all: ["DB-Lib error message 200"], examples: [
            "[ERROR] OperationalError: (20006, b'DB-Lib error message 20006, severity 9:\\nWrite to the server failed\\n')\n",
            "[ERROR] OperationalError: (20047, b'DB-Lib error message 20047, severity 9:\\nDBPROCESS is dead or not enabled\\n')\n",
        ]),
        // SQLAlchemy's transaction-state errors quote the original exception, so they come first.
        SignatureRule("sqlalchemy-inactive-transaction", driver: "SQLAlchemy", .transactionState, all: ["due to the SQL transaction being rolled back"], examples: [
            "[ERROR] InvalidRequestError: This session is in 'inactive' state, due to the SQL transaction being rolled back; no further SQL can be emitted within this transaction.\n",
        ]),
        SignatureRule("sqlalchemy-rolled-back-during-flush", driver: "SQLAlchemy", .transactionState, all: ["transaction has been rolled back due to a previous exception during flush"], examples: [
            "[ERROR] PendingRollbackError: This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint \"invoice_pkey\"\n",
        ]),
        SignatureRule("sqlalchemy-invalid-transaction", driver: "SQLAlchemy", .transactionState, all: ["Can't reconnect until invalid transaction is rolled back"], examples: [
            "[ERROR] PendingRollbackError: Can't reconnect until invalid transaction is rolled back.  Please rollback() fully before proceeding (Background on this error at: https://sqlalche.me/e/20/8s2b)\n",
        ]),
        // MARK: PostgreSQL: libpq, psycopg2, psycopg 3
        SignatureRule("libpq-connect-timeout", driver: "libpq/psycopg", .connectionTimeout, all: ["connection to server at", "timeout expired"], examples: [
            "[ERROR] OperationalError: connection to server at \"orders-pg-proxy.proxy-dq983owcb0xg.us-east-1.rds.amazonaws.com\" (10.0.20.80), port 5432 failed: timeout expired\n\nTraceback (most recent call last):\n",
        ]),
        SignatureRule("postgres-statement-timeout", driver: "PostgreSQL", .queryTimeout, all: ["canceling statement due to statement timeout"], examples: [
            "[ERROR] QueryCanceled: canceling statement due to statement timeout\n\nTraceback (most recent call last):\n",
        ]),
        SignatureRule("postgres-cancel-user-request", driver: "PgJDBC/PostgreSQL", .queryTimeout, all: ["canceling statement due to user request"], examples: [
            "org.postgresql.util.PSQLException: ERROR: canceling statement due to user request\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2675)\n",
        ]),
        SignatureRule("postgres-idle-in-transaction-timeout", driver: "PostgreSQL", .transactionState, all: ["terminating connection due to idle-in-transaction timeout"], examples: [
            "[ERROR] IdleInTransactionSessionTimeout: terminating connection due to idle-in-transaction timeout\n",
        ]),
        SignatureRule("libpq-server-closed", driver: "libpq/psycopg", .staleConnection, all: ["server closed the connection unexpectedly"], examples: [
            "[ERROR] OperationalError: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n\nTraceback (most recent call last):\n",
            "[ERROR] OperationalError: consuming input failed: server closed the connection unexpectedly\n",
        ]),
        SignatureRule("libpq-ssl-syscall-eof", driver: "libpq/psycopg", .staleConnection, all: ["SSL SYSCALL error: EOF detected"], examples: [
            "[ERROR] OperationalError: SSL SYSCALL error: EOF detected\n\nTraceback (most recent call last):\n",
        ]),
        SignatureRule("libpq-ssl-closed", driver: "libpq/psycopg", .staleConnection, all: ["SSL connection has been closed unexpectedly"], examples: [
            "[ERROR] OperationalError: SSL connection has been closed unexpectedly\n\nTraceback (most recent call last):\n",
        ]),
        SignatureRule("psycopg-connection-already-closed", driver: "psycopg2", .staleConnection, all: ["connection already closed"], examples: [
            "[ERROR] InterfaceError: connection already closed\nTraceback (most recent call last):\n",
        ]),
        SignatureRule("postgres-admin-shutdown", driver: "PostgreSQL", .staleConnection, all: ["terminating connection due to administrator command"], examples: [
            "[ERROR] AdminShutdown: terminating connection due to administrator command\n",
        ]),
        SignatureRule("postgres-transaction-aborted", driver: "PostgreSQL", .transactionState, all: ["current transaction is aborted, commands ignored until end of transaction block"], examples: [
            "[ERROR] InFailedSqlTransaction: current transaction is aborted, commands ignored until end of transaction block\n",
        ]),

        // MARK: node-postgres
        SignatureRule("pg-pool-connect-timeout", driver: "node-postgres", .connectionTimeout, all: ["timeout exceeded when trying to connect"], examples: [
            #"{"timestamp":"2025-12-07T14:05:08.235Z","level":"ERROR","requestId":"bf246a2b-fa67-488f-b00c-8aa3d93e52ab","message":{"errorType":"Error","errorMessage":"timeout exceeded when trying to connect","stackTrace":["Error: timeout exceeded when trying to connect"]}}"#,
        ]),
        SignatureRule("pg-connection-timeout", driver: "node-postgres", .connectionTimeout, all: ["Connection terminated due to connection timeout"], examples: [
            "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Connection terminated due to connection timeout\"}\n",
        ]),
        SignatureRule("pg-query-read-timeout", driver: "node-postgres", .queryTimeout, all: ["Query read timeout"], examples: [
            #"{"timestamp":"2025-12-07T13:57:20.195Z","level":"ERROR","requestId":"e8b77533-86e0-4ab3-bd41-338e51762ad5","message":{"errorType":"Error","errorMessage":"Query read timeout","stackTrace":["Error: Query read timeout"]}}"#,
        ]),
        SignatureRule("pg-connection-terminated", driver: "node-postgres", .staleConnection, all: ["Connection terminated"], examples: [
            "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Connection terminated unexpectedly\"}\n",
        ]),
        SignatureRule("pg-client-not-queryable", driver: "node-postgres", .staleConnection, all: ["is not queryable"], examples: [
            "2025-01-01T00:00:00.000Z\tf2704689-7aa3-4af3-ac88-857c01c4bd45\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Client has encountered a connection error and is not queryable\"}\n",
        ]),

        // MARK: MySQL family
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

        // MARK: JDBC
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

        // MARK: Go
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
        SignatureRule("go-sql-database-closed", driver: "Go database/sql", .staleConnection, all: ["sql: database is closed"], tolerant: true, examples: [
            "2026/03/14 09:24:48 order 88121: query failed: sql: database is closed\n",
        ]),
        SignatureRule("go-sql-connection-closed", driver: "Go database/sql", .staleConnection, all: ["sql: connection is already closed"], tolerant: true, examples: [
            "2025/01/01 00:00:00 query failed: sql: connection is already closed\n",
        ]),

        // MARK: SQLAlchemy wrappers
        SignatureRule("sqlalchemy-queuepool-timeout", driver: "SQLAlchemy", .connectionTimeout, all: ["QueuePool limit of size", "connection timed out"], examples: [
            "[ERROR] TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)\n",
        ]),
        SignatureRule("sqlalchemy-not-connected", driver: "SQLAlchemy/pymssql", .staleConnection, all: ["Not connected to any MS SQL server"], tolerant: true, examples: [
            "[ERROR] OperationalError: (pymssql._mssql.MSSQLDriverException) Not connected to any MS SQL server\n",
        ]),

        // MARK: Runtime
        SignatureRule("lambda-out-of-memory", driver: "Lambda runtime", .outOfMemory, all: ["Runtime.OutOfMemory"], examples: [
            "REPORT RequestId: 726f245b-38d2-46d0-81e5-724553d60176\tDuration: 3019.89 ms\tBilled Duration: 3020 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB\tStatus: error\tError Type: Runtime.OutOfMemory\n",
        ]),
        SignatureRule("lambda-killed", driver: "Lambda runtime", .outOfMemory, all: ["Runtime exited with error: signal: killed"], examples: [
            "RequestId: 726f245b-38d2-46d0-81e5-724553d60176 Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n",
        ]),
    ]
}
