extension SignatureRule {
    /// PostgreSQL: libpq (psycopg2, psycopg 3) and server messages (formats.md §4).
    static let postgres: [SignatureRule] = [
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
    ]
}
