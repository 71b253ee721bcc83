import Testing
@testable import ProxyLens

/// The rules that read a reason in the text itself (issue 14): what each says a failure is, on
/// texts shaped as the drivers, the operating systems and the runtimes print them.
@Suite("Reasons read in the text itself")
struct OtherReasonTests {
    static func cause(_ text: String) -> String { RealWorldErrorTests.cause(ErrorClassifier().classify(text), text: text) }

    /// Refusals, names that did not resolve, a server's own other reason, the application's own
    /// budget: none of the causes, whatever wraps them.
    static let noneOfTheCauses = [
        // Go database/sql: a handle the application closed itself (src/database/sql/sql.go).
        "2026/03/14 09:24:48 order 88121: query failed: sql: database is closed",
        "2025/01/01 00:00:00 query failed: sql: connection is already closed",
        "SQLSTATE[HY000] [2002] Connection refused",
        "Lost connection to MySQL server at 'reading initial communication packet', system error: 111",
        "pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on 'db.example' ([Errno 111] Connection refused)\")",
        "ERROR 2003 (HY000): Can't connect to MySQL server on 'db.example:3306' (111)",
        "HikariPool-1 - Connection is not available, request timed out after 30000ms.\nCaused by: java.net.ConnectException: Connection refused",
        "System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it.",
        // aiomysql wraps every failure to connect as 2003 `Can't connect to MySQL server on %r`
        // (connection.py _connect, `from e`); the chained cause says it was refused, in asyncio's
        // words. The two messages as aiomysql issue #267 and a test of aiomysql's chain
        // (`Multiple exceptions: …`, base_events.create_connection) show them, in the layout
        // traceback.py prints a chain; and PyMySQL's Windows form (shuhm-gh/stockopr issue #1).
        "OSError: Multiple exceptions: [Errno 111] Connect call failed ('::1', 3306, 0, 0), [Errno 111] Connect call failed ('127.0.0.1', 3306)\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/usr/local/lib/python3.6/dist-packages/aiomysql/connection.py\", line 496, in _connect\n    self._host) from e\npymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on 'localhost'\")",
        "ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 5432)",
        // A TLS check that failed (GenericVocabulary.tlsCheckFailed), under wrappers that otherwise
        // name a connection timeout: Connector/J's negotiateSSLConnection (MyCollab/mycollab issue
        // #60: its trace and its title's cause), SqlClient 4's Encrypt=true against an untrusted
        // certificate (dotnet/SqlClient issue #3235), pgx's connect (aws-samples/aurora-dsql-samples
        // issue #109), rustls under a pool (t8y2/dbx issue #1655).
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\n\tat com.mysql.cj.protocol.a.NativeProtocol.negotiateSSLConnection(NativeProtocol.java:361)\n\tat com.mysql.cj.protocol.a.NativeAuthenticationProvider.negotiateSSLConnection(NativeAuthenticationProvider.java:777)\nCaused by: javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)",
        "Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)\n ---> System.ComponentModel.Win32Exception (0x80090325): The certificate chain was issued by an authority that is not trusted.\n   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
        "Unable to run example: failed to connect to `user=admin database=postgres`:\n         failed to write startup message: write failed: tls: failed to verify certificate: x509: certificate signed by unknown authority",
        // pgx 5 puts the same under its connect error (pgconn.go: `tls error`), which otherwise
        // reads as a connection timeout (catalogue, pgx connect-timeout).
        "failed to connect to `user=app database=app`: 10.0.1.23:5432 (db.example): tls error: tls: failed to verify certificate: x509: certificate signed by unknown authority",
        "PostgreSQL connection failed: Error occurred while creating a new object: error performing TLS handshake: error performing TLS handshake: invalid peer certificate: Other(OtherError(UnsupportedCertVersion))",
        "pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on '127.0.0.1' ([WinError 10061] 由于目标计算机积极拒绝，无法连接。)\")",
        "SQLSTATE[HY000] [2002] No such file or directory",
        "dial tcp: lookup proxy.proxy-abc.us-east-1.rds.amazonaws.com: i/o timeout",
        "psycopg2.OperationalError: could not translate host name \"db.example\" to address: Temporary failure in name resolution",
        "Knex: Timeout acquiring a connection. The pool is probably full.\nError: getaddrinfo ENOTFOUND db.example",
        "ERROR: canceling statement due to conflict with recovery",
        "ActiveRecord::StatementInvalid: Timeout::Error: execution expired: SELECT 1",
        "ORA-01017: invalid username/password; logon denied",
        // psycopg2's pools refuse at once when maxconn connections are lent (lib/pool.py): no wait.
        "psycopg2.pool.PoolError: connection pool exhausted",
        // Node drivers' own words for a handle the application ended or misused (issue 14 audit of
        // their sources): node-postgres after client.end(), postgres.js after sql.end() (its README's
        // `write CONNECTION_ENDED host:port`, `write CONNECTION_DESTROYED host:port`), tedious's
        // second request on a busy connection.
        "Error: Client was closed and is not queryable",
        // node-postgres issue #2982: the bare `Connection terminated` (client.js: `this._ending`),
        // queries left running when the application called client.end().
        "Error: Connection terminated\n    at Connection.<anonymous> (/home/user/project/node_modules/pg/lib/client.js:132:36)\n    at Object.onceWrapper (node:events:627:28)\n    at Connection.emit (node:events:525:35)\n    at Socket.<anonymous> (/home/user/project/node_modules/pg/lib/connection.js:63:12)",
        "Error: write CONNECTION_ENDED db.example:5432",
        "Error: write CONNECTION_DESTROYED db.example:5432",
        "RequestError: Requests can only be made in the LoggedIn state, not the SentClientRequest state",
        // PgJDBC in German: messages_de.java holds "Die Verbindung wurde geschlossen." only for
        // "Connection has been closed." (PGPooledConnection: the application closed its pooled
        // handle); de.po's translation of "This connection has been closed." is fuzzy, never shipped.
        "org.postgresql.util.PSQLException: Die Verbindung wurde geschlossen.",
        // A handle the application or its own pool closed (GenericVocabulary.applicationClosedItsHandle),
        // in each driver's own words (the issue 14 audit of their sources).
        "org.postgresql.util.PSQLException: Connection has been closed.",
        "com.microsoft.sqlserver.jdbc.SQLServerException: The physical connection is closed for this pooled connection.",
        "sqlalchemy.exc.ResourceClosedError: This Connection is closed",
        "MySQLdb.OperationalError: (2006, '')",
        "com.mysql.cj.jdbc.exceptions.MySQLStatementCancelledException: Statement cancelled due to client request",
        // mysqljs: the application's connection.end() (a Quit sequence) went unanswered.
        "Error: Quit inactivity timeout\n    at Quit.<anonymous> (/var/task/node_modules/mysql/lib/protocol/Protocol.js:160:17) {\n  code: 'PROTOCOL_SEQUENCE_TIMEOUT',\n  fatal: true,\n  timeout: 30000\n}",
        // Go's context.Canceled is a network phrase: in another client's text it says nothing.
        "Get \"https://api.example.com/v1/items\": context canceled",
    ]

    /// The same families of words where they do name a cause.
    static let causes: [(text: String, cause: String)] = [
        ("SQLSTATE[HY000] [2002] Connection timed out", "connection-timeout"),
        ("ERROR 2003 (HY000): Can't connect to MySQL server on 'db.example:3306' (110)", "connection-timeout"),
        // The kernel's ETIMEDOUT on an open connection's read: the peer is gone.
        ("Error: read ETIMEDOUT\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20) {\n  errno: -110,\n  code: 'ETIMEDOUT',\n  syscall: 'read',\n  fatal: true\n}", "stale-connection"),
        ("read tcp 10.0.0.5:43210->10.0.1.23:5432: read: connection timed out", "stale-connection"),
        ("Npgsql.NpgsqlException (0x80004005): Exception while reading from stream\n ---> System.IO.IOException: Unable to read data from the transport connection: Connection timed out.\n ---> System.Net.Sockets.SocketException (110): Connection timed out\n   at System.Net.Sockets.Socket.Receive(Span`1 buffer)", "stale-connection"),
        // A connection still being opened is not stale.
        ("org.apache.commons.dbcp.SQLNestedException: Cannot create PoolableConnectionFactory (Communications link failure)", "connection-timeout"),
        // Spring's nested cause is read first.
        ("org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection", "connection-timeout"),
        // Spring's translations need their own class name: another translated exception is none of the causes.
        ("org.springframework.dao.DataIntegrityViolationException: PreparedStatementCallback; SQL [insert into t values (?)]; Duplicate entry '1' for key 'PRIMARY'", "unclassified"),
        ("org.springframework.dao.RecoverableDataAccessException: PreparedStatementCallback; SQL [select 1 from dual]; Closed Connection; nested exception is java.sql.SQLRecoverableException: Closed Connection", "stale-connection"),
        // FreeTDS: a login that timed out (20003 then 20002), and FreeTDS 1.5's wording.
        ("pymssql._mssql.MSSQLDatabaseException: (20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (db.example:1433)\\nDB-Lib error message 20002, severity 9:\\nAdaptive Server connection failed (db.example:1433)\\n')", "connection-timeout"),
        ("pymssql.exceptions.OperationalError: (20003, b'DB-Lib error message 20003, severity 6:\\nTDS server connection timed out (db.example:1433)\\n')", "query-timeout"),
        // pg8000's socket timeout under its network error is a read's timeout.
        ("Traceback (most recent call last):\n  File \"/var/task/pg8000/core.py\", line 155, in _read\nTimeoutError: timed out\n\nThe above exception was the direct cause of the following exception:\n\npg8000.exceptions.InterfaceError: network error", "query-timeout"),
        ("pg8000.exceptions.InterfaceError: network error", "stale-connection"),
        // The same drivers' words where the connection itself broke.
        ("Error: Client has encountered a connection error and is not queryable", "stale-connection"),
        ("Error: Connection terminated unexpectedly\n    at Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:36)", "stale-connection"),
        ("RequestError: Requests can only be made in the LoggedIn state, not the Final state", "stale-connection"),
        ("org.postgresql.util.PSQLException: このコネクションは既にクローズされています。", "stale-connection"),
        ("org.postgresql.util.PSQLException: This connection has been closed.", "stale-connection"),
        ("MySQLdb.OperationalError: (2006, 'MySQL server has gone away')", "stale-connection"),
        ("com.mysql.cj.jdbc.exceptions.MySQLTimeoutException: Statement cancelled due to timeout or client request", "query-timeout"),
        ("Error: Query inactivity timeout\n    at Query.<anonymous> (/var/task/node_modules/mysql/lib/protocol/Protocol.js:160:17) {\n  code: 'PROTOCOL_SEQUENCE_TIMEOUT',\n  fatal: true,\n  timeout: 5000\n}", "query-timeout"),
        ("Error: Handshake inactivity timeout\n    at Handshake.<anonymous> (/var/task/node_modules/mysql/lib/protocol/Protocol.js:160:17) {\n  code: 'PROTOCOL_SEQUENCE_TIMEOUT',\n  fatal: true,\n  timeout: 10000\n}", "connection-timeout"),
        ("struct.error: unpack_from requires a buffer of at least 5 bytes", "stale-connection"),
        ("pymysql.err.Error: Already closed", "stale-connection"),
        // Go: a context canceled under a statement; GORM's trace line says it is a statement.
        ("/app/store/orders.go:88 context canceled\n[30001.412ms] [rows:0] SELECT * FROM `orders` WHERE id = 7", "query-timeout"),
        ("/app/store/orders.go:88 context deadline exceeded\n[30001.412ms] [rows:0] SELECT * FROM `orders` WHERE id = 7", "query-timeout"),
        ("java.sql.SQLException: Fatal SQLException was thrown previously on this connection.", "stale-connection"),
        // PyMySQL's handshake (connect → _get_server_information) passes its read errors on unwrapped.
        ("Traceback (most recent call last):\n  File \"/var/task/pymysql/connections.py\", line 698, in connect\n    self._get_server_information()\n  File \"/var/task/pymysql/connections.py\", line 1141, in _get_server_information\n    packet = self._read_packet()\npymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')", "connection-timeout"),
        ("Traceback (most recent call last):\n  File \"/var/task/pymysql/connections.py\", line 1141, in _get_server_information\n    packet = self._read_packet()\npymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query (timed out)')", "connection-timeout"),
    ]

    @Test("a refusal, an unresolved name, a server's other reason or the application's budget is none of the causes")
    func noneOfThem() {
        let classified = Self.noneOfTheCauses.filter { Self.cause($0) != "unclassified" }
        #expect(classified.isEmpty, "\(classified)")
    }

    @Test("the same words name their cause where the text gives one")
    func causesStand() {
        let wrong = Self.causes.filter { Self.cause($0.text) != $0.cause }.map { "\($0.text.prefix(60)) → \(Self.cause($0.text))" }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test("an operating system's error text alone is a network phrase: another client's reset stays unclassified")
    func runtimeTextsAreNetworkPhrases() {
        #expect(ErrorClassifier.isNetworkPhrase("Connection reset by peer"))
        #expect(ErrorClassifier.isNetworkPhrase("context deadline exceeded"))
        #expect(Self.cause("ConnectionResetError: [Errno 104] Connection reset by peer") == "unclassified")
        #expect(Self.cause("pymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query ([Errno 104] Connection reset by peer)')") == "stale-connection")
    }
}
