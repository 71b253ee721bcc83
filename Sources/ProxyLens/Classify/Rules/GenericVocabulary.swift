import CSupport

/// The generic layer: words drivers use for a dead connection and for a timeout, the phase a
/// timeout happened in, and whether a text is about a database at all. Collected from the
/// drivers' own sources (research/driver-catalogue.md, "recurring words"), not from any incident.
/// All lists are matched on folded text (`SignatureRule.fold`: lower case, white space collapsed).
enum GenericVocabulary {
    /// An established connection found dead.
    static let deadConnection = [
        "closed the connection", "connection is closed", "connection was closed", "connection closed", "connection has been closed",
        "connection lost", "lost connection", "gone away", "terminated unexpectedly", "terminating connection",
        "connection terminated", "connection reset", "reset by peer", "econnreset", "broken pipe", "epipe", "unexpected eof",
        "eof detected", "end of stream", "end of file", "socket was closed", "socket closed", "transport-level error",
        "communications link failure", "communication link failure", "error communicating", "not connected", "no connection to the server",
        "bad connection", "invalid connection", "connection was killed", "connection is not open", "connection not open",
        "connection has been disposed", "server closed", "closed by the server", "connection forcibly closed", "forcibly closed",
        "connection aborted", "connection abort", "econnaborted", "read past the end of the stream",
        // Node.js writing to a socket whose peer already ended it (lib/net.js, ERR_STREAM_WRITE_AFTER_END).
        "ended by the other party", "write after end",
        // Winsock's own text for WSAECONNABORTED (10053), which Windows builds of every driver print
        // as the socket error (Windows Sockets Error Codes, learn.microsoft.com).
        "established connection was aborted",
        // Hibernate turns every SQLException of SQLSTATE class 08 (connection exception) into
        // JDBCConnectionException (SQLStateConversionDelegate.convert: CONNECTION_CATEGORIES "08").
        "jdbcconnectionexception",
    ]

    /// The kernel's ETIMEDOUT ("Connection timed out") on a read of a connection that was already
    /// open: TCP's retransmission or keepalive timer gave up on a silent peer, so the connection
    /// is dead. A driver's own read deadline says otherwise (`Read timed out`, `i/o timeout`,
    /// Npgsql's `Timeout during reading attempt`, SO_RCVTIMEO's EAGAIN): drivers turn their own
    /// timeouts into their own words, and what reaches the log unconverted is the kernel's.
    /// .NET's NetworkStream read failure (SR.net_io_readfailure) and Socket.Receive frame.
    /// libpq's `SSL SYSCALL error: %s` (fe-secure-openssl.c, pgtls_read/pgtls_write: the socket
    /// error under an SSL read or write of an open connection; psycopg2 #1496, #356: "You are
    /// hitting a TCP timeout").
    /// The JDK's socket read (JDK 8 to 12, src/java.base/unix/native/libnet/SocketInputStream.c:
    /// `JNU_ThrowByNameWithMessageAndLastError(env, "java/net/SocketException", "Read failed")`,
    /// printed `<strerror> (Read failed)`): a read of an open socket, under every JDBC driver.
    static let readOfEstablishedConnection = ["unable to read data from the transport connection", "socket.receive(", "ssl syscall error", "(read failed)"]
    static let etimedoutText = "connection timed out"

    /// The operating system's and language runtimes' own error texts, which every client prints
    /// alike whatever it talks to: glibc's strerror (ECONNRESET, ECONNABORTED, ETIMEDOUT, EPIPE,
    /// ENETUNREACH, EHOSTUNREACH), Winsock's WSAECONNRESET text, Go's context.DeadlineExceeded.
    /// An entry or signature that is only one of these is a network phrase at any length.
    static let runtimeErrorTexts = [
        "connection reset by peer", "software caused connection abort", "connection timed out", "broken pipe",
        "network is unreachable", "no route to host", "an existing connection was forcibly closed by the remote host",
        "context deadline exceeded",
        // Go's context.Canceled (src/context/context.go: `var Canceled = errors.New("context
        // canceled")`), which database/sql returns as ctx.Err() like DeadlineExceeded, and which
        // every Go client of anything else prints the same way.
        "context canceled",
    ]

    /// What pools and drivers say when the failure happened while a new connection was being
    /// opened: DBCP (BasicDataSource.createPoolableConnectionFactory: `Cannot create
    /// PoolableConnectionFactory (<cause>)`), Connector/J (`Could not create connection to
    /// database server`), HikariCP (HikariPool: `Exception during pool initialization`,
    /// PoolInitializationException `Failed to initialize pool: <cause>`), Npgsql
    /// (`Exception while connecting`), Hibernate (LogicalConnectionManagedImpl: `Unable to acquire
    /// JDBC Connection` when the DataSource lends none), PyMySQL and aiomysql (connections.py
    /// `connect()`: the server's greeting read by `_get_server_information`, the login by
    /// `_request_authentication`; a traceback through either is a handshake, even where the error
    /// is `Lost connection to MySQL server during query`, which connect() passes on unwrapped).
    static let establishingConnection = [
        "cannot create poolableconnectionfactory", "could not create connection to database server",
        "exception during pool initialization", "failed to initialize pool", "exception while connecting",
        "unable to acquire jdbc connection", "in _get_server_information", "in _request_authentication",
        // MySql.Data (Resources.resx UnableToConnectToHost, thrown by MySqlConnection.Open over the
        // cause) and MySqlConnector (ServerSession.ConnectAsync) say the same when no host could be
        // opened; Npgsql opens a physical connection in NpgsqlConnector.Open/RawOpen
        // (src/Npgsql/Internal/NpgsqlConnector.cs), which a stack trace shows.
        "unable to connect to any of the specified mysql hosts", "npgsqlconnector.rawopen", "npgsqlconnector.open(",
        "npgsqlconnector.<open",
        // libmysqlclient (and MariaDB Connector/C) name the handshake step in CR_SERVER_LOST_EXTENDED
        // (`Lost connection to MySQL server at '%s', system error: %d`, sql-common/client.cc):
        // `waiting for`/`reading initial communication packet` (the server's greeting),
        // `reading authorization packet`, `sending authentication information`: a connection being
        // opened, for every driver over the C client (mysqlclient, mysql2 for Ruby, mysqli…).
        "initial communication packet", "reading authorization packet", "sending authentication information",
        // MySql.Data's login (Resources.resx AuthenticationFailed, thrown by
        // MySQLAuthenticationPlugin.Authenticate over the cause: `Authentication to host '{0}' for
        // user '{1}' using method '{2}' failed with message: {3}`): a connection being opened
        // (a refused login, `Access denied for user`, is none of the causes and stays so).
        "authentication to host '",
    ]

    /// A connection refused outright (nothing listening, a security group's reject, a wrong port):
    /// none of the causes, whatever wrapper reports it, so the text stays unclassified (refused
    /// sockets are look-alikes). ECONNREFUSED as strerror, Node's code, Winsock's 10061 text, and
    /// MySQL's client formats that print only the number: `Lost connection to MySQL server at
    /// '%s', system error: %d` (CR_SERVER_LOST_EXTENDED) and `Can't connect to MySQL server on
    /// '%s' (%d)` (CR_CONN_HOST_ERROR), 111 being Linux's ECONNREFUSED.
    static let refusedConnection = [
        "connection refused", "econnrefused", "actively refused", "system error: 111", "' (111)", "' (10061)",
        // MySQL's CR_CONNECTION_ERROR through a local Unix socket (mysqlnd prints errno 2 as
        // `[2002] No such file or directory`): a database on this host, never RDS Proxy.
        "local mysql server through socket", "[2002] no such file or directory",
        // Python's own forms: PEP 3151 maps ECONNREFUSED to the built-in ConnectionRefusedError,
        // and asyncio's connect (Lib/asyncio/selector_events.py, _sock_connect_cb: `raise
        // OSError(err, f'Connect call failed {address}')`) replaces strerror with its own words,
        // so asyncpg, aiomysql and every asyncio client print `[Errno 111] Connect call failed
        // ('10.0.0.5', 5432)` and, for several addresses (base_events.create_connection),
        // `Multiple exceptions: [Errno 111] Connect call failed …`. ECONNREFUSED is 111 on Linux,
        // 61 on macOS and the BSDs (where 111 is unused), and Windows' OSError prints
        // `[WinError 10061]` with a localised text.
        "connectionrefusederror", "[errno 111]", "[errno 61] connect call failed", "[winerror 10061]",
    ]

    /// A pool with no connection to lend: a connection timeout of the acquire phase, even when
    /// the driver says no word of time.
    static let poolExhausted = [
        "pool has been exhausted", "pool exhausted", "pool is exhausted", "pool is probably full", "pool is full",
        "no connection available", "connection is not available", "all pooled connections were in use",
    ]

    /// Errors a database returns that are none of the causes proxylens names (authentication,
    /// authorisation): whatever else the text says, they stay unclassified. From the servers'
    /// own messages: PostgreSQL `password authentication failed for user`, SQL Server 18456
    /// `Login failed for user`, MySQL 1045 `Access denied for user`.
    static let notACause = [
        "password authentication failed", "login failed for user", "access denied for user", "authentication failed for user",
        "no pg_hba.conf entry",
    ]

    /// A timeout of any phase.
    static let timeout = [
        "timed out", "timeout", "time out", "deadline exceeded", "etimedout", "execution time exceeded", "maximum statement execution time",
        "query execution was interrupted", "canceling statement", "cancelled due to", "canceled due to",
        // Winsock's WSAETIMEDOUT (10060) text, which Windows clients print instead of "timed out".
        "did not properly respond after a period of time",
    ]

    /// Where a timeout happened, nearest to the timeout words deciding.
    static let acquirePhase = [
        "pool", "acquir", "obtain", "checkout", "check out", "borrow", "available connection", "idle object", "exhausted",
        "no connection available", "connection is not available", "waiting for connection", "waiting for an open connection",
        "getconnection", "from the pool", "connection from the", "fetching a connection", "fetching a new connection",
    ]
    static let connectPhase = [
        "connect ", "connect(", "connect:", "connecting", "connect timed out", "connect timeout", "connection timed out",
        "connection timeout", "connection attempt", "dial ", "handshake", "login", "log in", "authenticat", "establish", "greeting",
        "opening connection", "open connection", "initial communication packet", "reach database server", "can't connect", "cannot connect",
        "could not connect", "failed to connect", "unable to connect",
        // pg8000's connect failure (core.py _make_socket: `Can't create a connection to host …`).
        "create a connection",
    ]
    static let queryPhase = [
        "statement", "query", "execut", "cancel", "read timed out", "read timeout", "reading", "command", "cursor",
        "read tcp", "result", "interrupted", "lock wait",
    ]

    /// Words that name a database, a driver or SQL: a generic word counts only in such a text.
    static let databaseContext = [
        "sql", "postgres", "psycopg", "pg8000", "asyncpg", "libpq", "npgsql", "pgx", "pq:", "mysql", "mariadb", "pymysql", "jdbc",
        "hikari", "c3p0", "dbcp", "hibernate", "sqlalchemy", "django.db", "activerecord", "sequel", "sequelize", "knex", "typeorm",
        "prisma", "drizzle", "tedious", "mssql", "odbc", "oracle", "ora-", "database", "db2", "redshift", "aurora", "rds", "tds",
        "diesel", "sqlx", "tokio_postgres", "tokio-postgres", "gorm", "doctrine", "pdo", "dbal", "ado.net", "dapper",
        "entityframework", "entity framework", ":5432", ":3306", ":1433", ":1521", "query", "transaction", "cursor", "datasource",
        "connection pool",
        // mysqljs and mysql2 mark every network error that ends their connection `fatal` (mysqljs
        // lib/protocol/Protocol.js handleNetworkError, mysql2 lib/base/connection.js
        // _handleFatalError): Node prints the property with the error.
        "fatal: true",
        // PEP 249's exception names, which every Python database module (and SQLAlchemy, Django
        // re-raising them) prints: `OperationalError: timeout expired`.
        "operationalerror", "interfaceerror",
        // Connector/J's and MariaDB Connector/J's CommunicationsException text and ODBC's own text
        // for SQLSTATE 08S01: database drivers' words for a broken link, which no other client prints.
        "communications link failure", "communication link failure",
    ]

    /// Words that name something else a function talks to: with none of `databaseDrivers`
    /// present, a text with one of these is not a database failure. (A URL alone is not such a
    /// word: drivers link their documentation from their errors.)
    static let otherServices = [
        "httpconnectionpool", "httpsconnectionpool", "http error", "http request", "http status", "status code", "axios",
        "fetch(", "requests.exceptions", "urllib", "okhttp", "httpclient", "http2", "undici", "got(", "superagent",
        "restclient", "net/http", "redis", "jedis", "lettuce", "memcache", "elasticsearch", "opensearch", "kafka", "rabbitmq", "amqp",
        "smtp", "grpc", "dynamodb", "s3.", "sqs", "sns", "kinesis", "botocore", "boto3", "aws-sdk", "endpoint url", "getaddrinfo",
        ":443", ":80 ", ":80/", "port=443", "port=80", "connectionpool(host=", "sockettimeoutexception: read timed out\n\tat redis",
        "enotfound", "eai_again", "dns", "ssh", "ftp", "websocket", "graphql", "stripe", "twilio", "sendgrid", "mongo",
    ] + OtherClients.all.map(\.needle)

    /// Words that certainly name a relational driver or database (outweighing `otherServices`).
    static let databaseDrivers = [
        "postgres", "psycopg", "asyncpg", "libpq", "npgsql", "mysql", "mariadb", "pymysql", "jdbc", "hikari", "sqlalchemy",
        "sequelize", "knex", "typeorm", "prisma", "tedious", "sqlserver", "sqlclient", "sqlexception", "oracle", "ora-",
        "activerecord", "doctrine", "pdoexception", "sqlx", "tokio_postgres", "diesel", "gorm", "database/sql", "pq:", "pgx",
        "sqlstate",
        // Go's database/sql/driver.ErrBadConn (src/database/sql/driver/driver.go:
        // `errors.New("driver: bad connection")`): the SQL driver interface's own sentinel, which
        // only database drivers return.
        "driver: bad connection",
        // Drivers' own files and functions, as stack traces show them.
        "node_modules/mysql", "node_modules/pg/", "node_modules/pg-pool", "node_modules/postgres/", "node_modules/tedious",
        "node_modules/mssql", "node_modules/knex", "node_modules/sequelize", "node_modules/typeorm", "node_modules/mariadb",
        "node_modules/@prisma", "connection._handleconnecttimeout", "protocol._enqueue", "packets.go", "pqsocket", "libpq",
        "psycopg2.", "pymysql.", "mysqldb", "site-packages/pg8000", "org.postgresql", "com.mysql", "org.mariadb", "com.microsoft.sqlserver",
        "oracle.jdbc", "com.zaxxer.hikari", "microsoft.data.sqlclient", "system.data.sqlclient", "mysqlconnector", "mysql.data",
        "pg::", "mysql2::", "sequel::", "activerecord::", "pdo->", "illuminate\\database",
        // Apache Commons DBCP (and Tomcat's repackaged copy), a JDBC pool: its own factory and exception.
        "poolableconnectionfactory", "sqlnestedexception",
        // c3p0's own package (com.mchange.v2.c3p0, com.mchange.v2.resourcepool: BasicResourcePool's
        // TimeoutException names no database), SQLAlchemy's pool class (sqlalchemy/pool/impl.py
        // QueuePool: `QueuePool limit of size %d overflow %d reached, connection timed out`).
        "com.mchange.v2", "queuepool",
        // SqlClient's own words: SR.SQL_*TransportLevelError ("A transport-level error has
        // occurred …") and the SNI error suffix `(provider: <TCP|Session|SSL> Provider, error: N - …)`;
        // ADO.NET's timeouts (System.Data SR.SQL_Timeout, ADP_PooledOpenTimeout: `Timeout expired.
        // The timeout period elapsed prior to …`), which MySql.Data copies.
        "transport-level error", "(provider: ", "the timeout period elapsed prior to",
        // GORM's logger prints every traced statement, failed or slow, as `<file:line> <error>
        // [<ms>ms] [rows:<n>] <sql>` (logger/logger.go: traceStr, traceWarnStr, traceErrStr).
        "[rows:",
        // tedious prints a socket the server ended as `Connection lost - socket hang up`
        // (src/connection.ts: socketEnd makes Error('socket hang up'), wrapSocketError prefixes
        // `Connection lost - ` once logged in); Node's http client prints the bare `socket hang up`
        // (a look-alike, OtherClients), never with tedious's prefix.
        "connection lost - socket hang up",
    ]

    /// Whether any word occurs in the (folded) text, on bytes: String.contains compares
    /// Characters, and these lists are read against every failure's text and its context.
    /// The text's byte pairs rule out nearly every word before it is searched for: these lists
    /// hold hundreds of words, read against every failure's text and context (a fifth of
    /// classifying went to searching for words that were not there).
    static func containsAny(_ folded: String, _ words: [String]) -> Bool {
        var text = folded
        return text.withUTF8 { haystack in
            guard let base = haystack.baseAddress else { return false }
            let pairs = BytePairs(haystack)
            return words.contains { word in
                var needle = word
                return needle.withUTF8 { pairs.mayContain($0) && proxylens_memmem(base, haystack.count, $0.baseAddress, $0.count) != nil }
            }
        }
    }

    /// The database's name did not resolve: no connection was ever attempted, so none of the
    /// causes. glibc's gai_strerror (EAI_NONAME, EAI_AGAIN, EAI_NODATA), macOS's, Windows'
    /// WSAHOST_NOT_FOUND ("No such host is known"), Go's net.DNSError (`lookup <host>: no such
    /// host`, `dial tcp: lookup <host>: i/o timeout`), Java's UnknownHostException, Node's
    /// getaddrinfo codes, libpq (`could not translate host name`), MySQL's CR_UNKNOWN_HOST 2005.
    static let unresolvedName = [
        "name or service not known", "temporary failure in name resolution", "no address associated with hostname",
        "nodename nor servname provided", "no such host", "dial tcp: lookup ", "unknownhostexception", "getaddrinfo enotfound",
        "getaddrinfo eai_again", "could not translate host name", "unknown mysql server host",
    ]

    /// A server's answer that names its own reason, none of the causes, read in the text itself:
    /// PostgreSQL cancels a standby's statement for a replay conflict (`canceling statement due
    /// to conflict with recovery`, not a timeout); MySQL drops a connection whose packet passed
    /// max_allowed_packet (ER_NET_PACKET_TOO_LARGE, "Got a packet bigger than
    /// 'max_allowed_packet' bytes", then `gone away`: the statement, not an idle connection);
    /// Oracle's ORA-01017 and SQL Server's 4060 (`The login failed.`) are logins.
    static let serverNamesOtherReason = [
        "conflict with recovery", "max_allowed_packet", "invalid username/password", "the login failed",
    ]

    /// A TLS handshake that failed one of its checks: the server's certificate (an unknown
    /// authority, expired, another name) or the protocol versions and ciphers the two sides allow.
    /// A configuration error, none of the causes, whatever wraps it (Connector/J's `Communications
    /// link failure … The driver has not received any packets`, SqlClient's `error occurred during
    /// the login process`): the connection never reached the database. Each runtime's own text:
    /// - the JDK: sun/security/ssl/HandshakeContext.java (`No appropriate protocol (protocol is
    ///   disabled or cipher suites are inappropriate)`), sun/security/validator/PKIXValidator.java
    ///   (`PKIX path building failed`, `PKIX path validation failed`), SunCertPathBuilder (`unable
    ///   to find valid certification path to requested target`), sun/security/util/HostnameChecker
    ///   (`No subject alternative names present`, `No subject alternative DNS name matching`),
    ///   sun/security/ssl/Alert.java (`Received fatal alert: <description>`) for the policy alerts;
    /// - OpenSSL's reason strings and X509 verify results (crypto/err/openssl.txt,
    ///   crypto/x509/x509_txt.c), as Python's ssl module, libpq, Ruby, PHP and Node print them;
    /// - Go's crypto/x509 (verify.go: `x509: certificate signed by unknown authority`, `… is valid
    ///   for`, `… has expired or is not yet valid`, `x509: cannot validate certificate`) and
    ///   crypto/tls (`tls: first record does not look like a TLS handshake`, `tls: server selected
    ///   unsupported protocol version`); rustls (src/error.rs, `invalid peer certificate: <kind>`),
    ///   under sqlx, tokio-postgres and diesel;
    /// - .NET's SslStream (`The remote certificate is invalid …`, `… was rejected by the provided
    ///   RemoteCertificateValidationCallback`) and SChannel's SEC_E_UNTRUSTED_ROOT text (`The
    ///   certificate chain was issued by an authority that is not trusted.`);
    /// - drivers that require TLS the server does not offer: libpq (`server does not support SSL,
    ///   but SSL was required`), node-postgres (`The server does not support SSL connections`),
    ///   lib/pq (`pq: SSL is not enabled on the server`).
    /// A handshake that timed out, or a connection reset or closed during it, is not here: those
    /// are the network's doing and keep their cause.
    static let tlsCheckFailed = [
        "no appropriate protocol (protocol is disabled or cipher suites are inappropriate)", "pkix path building failed",
        "pkix path validation failed", "unable to find valid certification path", "no subject alternative names present",
        "no subject alternative dns name matching", "received fatal alert: protocol_version", "received fatal alert: handshake_failure",
        "received fatal alert: certificate_unknown", "received fatal alert: bad_certificate", "received fatal alert: unknown_ca",
        "certificate verify failed", "self signed certificate", "self-signed certificate", "wrong version number", "unsupported protocol",
        "tlsv1 alert protocol version", "sslv3 alert handshake failure", "no protocols available", "unable to get local issuer certificate",
        "unable to verify the first certificate", "certificate has expired", "hostname mismatch", "does not match certificate's altnames",
        "x509: certificate", "x509: cannot validate certificate", "tls: first record does not look like a tls handshake",
        "tls: server selected unsupported protocol version", "the remote certificate is invalid", "the remote certificate was rejected",
        "issued by an authority that is not trusted", "server does not support ssl, but ssl was required",
        "the server does not support ssl connections", "ssl is not enabled on the server", "invalid peer certificate",
    ]

    /// The application's own time budget interrupting whatever ran, not a database's timeout:
    /// Ruby's stdlib `Timeout.timeout` raises `Timeout::Error` with its default message
    /// `execution expired` (ruby/timeout lib/timeout.rb), which ActiveRecord then wraps as
    /// StatementInvalid; rack-timeout's own request budget (zombocom/rack-timeout
    /// lib/rack/timeout/core.rb, `Rack::Timeout::RequestTimeoutException`). Ruby's database
    /// drivers say their own words (`PG::QueryCanceled`, mysql2's `Timeout waiting for a
    /// response`, ActiveRecord's ConnectionTimeoutError).
    /// Connector/J's cancel that the application asked for (AbstractQuery.checkCancelTimeout:
    /// CANCELED_BY_TIMEOUT gives MySQLTimeoutException, any other cancel OperationCancelledException
    /// `Statement cancelled due to client request`): the application's own `Statement.cancel()`.
    static let applicationBudget = ["timeout::error: execution expired", "rack::timeout::", "statement cancelled due to client request"]

    /// A pool that refuses at once, without waiting for a connection to come free: no time ran
    /// out, so none of the causes. psycopg2's pools (lib/pool.py, AbstractConnectionPool._getconn)
    /// raise PoolError("connection pool exhausted") the moment maxconn connections are lent, and
    /// every other PoolError of theirs ("connection pool is closed", "trying to put unkeyed
    /// connection") is the application's use of the pool.
    static let poolRefusesWithoutWaiting = ["psycopg2.pool.poolerror", "poolerror: connection pool exhausted"]

    /// A handle the application closed itself, then used: Go's database/sql returns
    /// `sql: database is closed` (errDBClosed, from DB.conn once DB.Close ran: a deferred Close in
    /// the handler, then a warm invocation) and `sql: connection is already closed` (ErrConnDone,
    /// a Conn or Tx used after it went back to the pool), src/database/sql/sql.go. Nothing closed
    /// it from the other side (research/driver-catalogue.md, "the application closed the handle").
    /// The same in Node's drivers: node-postgres's `Client was closed and is not queryable` (client.js
    /// query(): `if (this._ending)`, which only end() sets), postgres.js's `write CONNECTION_ENDED`
    /// and `write CONNECTION_DESTROYED` (its README: a query after `sql.end()`, and queries still
    /// pending when `sql.end({ timeout })` ran out), and tedious's second request on a connection
    /// still running one (connection.ts makeRequest: `not the SentClientRequest state`).
    /// And in the JDBC and Python drivers, each text raised only on a handle the application (or
    /// its own pool) had closed: PgJDBC's PGPooledConnection (`Connection has been closed.`, `…
    /// closed automatically because a new connection was opened for the same PooledConnection`;
    /// PgConnection's own `This connection has been closed.` is a dead connection's and stays one),
    /// mssql-jdbc's SQLServerPooledConnection (`The physical connection is closed for this pooled
    /// connection.`, set only by its close()), SQLAlchemy's Connection after close()
    /// (`ResourceClosedError: This Connection is closed`), mysqlclient's closed connection object
    /// (_mysql.c: `if (!(c->open)) merr = CR_SERVER_GONE_ERROR`, with no message: `(2006, '')`;
    /// the server's own `(2006, 'MySQL server has gone away')` is a dead connection's).
    /// mysqljs's `Quit inactivity timeout`: Connection.end() enqueues a Quit sequence with a 30 s
    /// default timeout (lib/Connection.js end), and Protocol.js names a timed-out sequence by its
    /// class (`sequence.constructor.name + ' inactivity timeout'`): the application's own end()
    /// went unanswered, while its Query, Handshake and Ping twins are causes (the catalogue).
    static let applicationClosedItsHandle = [
        "sql: database is closed", "sql: connection is already closed", "client was closed and is not queryable",
        "write connection_ended", "write connection_destroyed",
        "requests can only be made in the loggedin state, not the sentclientrequest state",
        "psqlexception: connection has been closed.", "connection has been closed automatically because a new connection was opened",
        "the physical connection is closed for this pooled connection", "resourceclosederror: this connection is closed", "(2006, '')",
        "quit inactivity timeout",
    ]

    /// node-postgres's bare `Connection terminated`: client.js fails the pending queries with
    /// `this._ending ? new Error('Connection terminated') : new Error('Connection terminated
    /// unexpectedly')` when the socket ends, and only `client.end()` sets `_ending` (the connect
    /// timeout sets the connection's flag, and pg-pool words its own `Connection terminated due to
    /// connection timeout`). So the bare text, in a text that is node-postgres's (its files in the
    /// stack), is queries the application left running when it ended the client itself (pg-pool
    /// ends a client on release, when none of its queries is running). Since pg 7.0 (commit
    /// 76c59a01, 2017); pg 6 printed the bare text for every end.
    static func nodePostgresEndedByApplication(_ folded: String) -> Bool {
        guard containsAny(folded, ["node_modules/pg/", "pg/lib/client.js"]) else { return false }
        var from = folded.startIndex
        while let range = folded.range(of: "connection terminated", range: from..<folded.endIndex) {
            let rest = folded[range.upperBound...].drop { $0 == " " }
            if !rest.hasPrefix("unexpectedly") && !rest.hasPrefix("due to") { return true }
            from = range.upperBound
        }
        return false
    }

    /// Every word that gives a reason that is none of the causes, in one list: `containsAny` reads
    /// a text's byte pairs once per call, and this is asked of every failure.
    static let anotherReason = refusedConnection + unresolvedName + serverNamesOtherReason + applicationBudget
        + poolRefusesWithoutWaiting + applicationClosedItsHandle + tlsCheckFailed

    /// Whether the (folded) text itself gives a reason that is none of the causes: a refusal, a
    /// name that did not resolve, a server's own other reason, the application's own budget, a
    /// pool that refused without waiting, a handle the application closed itself, a TLS check.
    static func givesAnotherReason(_ folded: String) -> Bool {
        containsAny(folded, anotherReason) || nodePostgresEndedByApplication(folded)
    }

    /// The text with its identifiers spelled out as the words they are made of, or nil when it
    /// has none: `CONNECTION_CLOSED` → `CONNECTION CLOSED`, `ConnectionReset` → `Connection Reset`,
    /// `HTTPConnection` → `HTTP Connection`. Clients name errors by identifiers that spell the
    /// generic layer's words: postgres.js's error codes (src/errors.js: `CONNECTION_CLOSED`,
    /// `CONNECT_TIMEOUT`), mysqljs's (`PROTOCOL_CONNECTION_LOST`, `PROTOCOL_SEQUENCE_TIMEOUT`),
    /// Node's own (`ERR_SOCKET_CONNECTION_TIMEOUT`, lib/internal/errors.js), Rust's
    /// std::io::ErrorKind as `{:?}` prints it (`ConnectionReset`, `BrokenPipe`, `TimedOut`,
    /// `UnexpectedEof`, `NotConnected`) and .NET's SocketError names (`ConnectionReset`,
    /// `TimedOut`). A letter pair is split where the case turns up (`nR`) or an upper-case run
    /// ends (`PConn`); an underscore between letters is a space.
    static func identifiersSpelledOut(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        var changed = false
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5a }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7a }
        func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
        for i in bytes.indices {
            let byte = bytes[i]
            if byte == 0x5f, i > 0, i + 1 < bytes.count, isLetter(bytes[i - 1]), isLetter(bytes[i + 1]) {
                out.append(0x20)
                changed = true
                continue
            }
            if i > 0, isUpper(byte) {
                let before = bytes[i - 1]
                let endsRun = isUpper(before) && i + 1 < bytes.count && isLower(bytes[i + 1])
                if isLower(before) || endsRun {
                    out.append(0x20)
                    changed = true
                }
            }
            out.append(byte)
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Whether the (folded) text is the kernel's ETIMEDOUT on a read of an open connection.
    static func isDeadPeerTimeout(_ folded: String) -> Bool {
        folded.contains(etimedoutText) && containsAny(folded, readOfEstablishedConnection)
    }

    /// Whether the (folded) text is about a database.
    static func isAboutDatabase(_ folded: String) -> Bool {
        if containsAny(folded, databaseDrivers) { return true }
        if namesAnotherService(folded) { return false }
        return containsAny(folded, databaseContext)
    }

    /// The text names another service and no database driver.
    static func namesAnotherService(_ folded: String) -> Bool {
        containsAny(folded, otherServices) && !containsAny(folded, databaseDrivers)
    }

    enum TimeoutPhase { case acquire, connect, query, unknown }

    /// The phase whose words stand nearest the timeout words of the (folded) text.
    static func phase(_ folded: String) -> TimeoutPhase {
        let anchors = timeout.compactMap { folded.range(of: $0)?.lowerBound }
        guard let anchor = anchors.min() else { return .unknown }
        var best: (distance: Int, phase: TimeoutPhase)?
        for (words, phase) in [(acquirePhase, TimeoutPhase.acquire), (connectPhase, .connect), (queryPhase, .query)] {
            for word in words {
                var from = folded.startIndex
                while let range = folded.range(of: word, range: from..<folded.endIndex) {
                    let distance = abs(folded.distance(from: anchor, to: range.lowerBound))
                    // Pool words outrank: "connection timed out" inside a pool's message is the pool's.
                    let weighted = phase == .acquire ? distance / 2 : distance
                    if best == nil || weighted < best!.distance { best = (weighted, phase) }
                    from = range.upperBound
                }
            }
        }
        return best?.phase ?? .unknown
    }
}
