extension SignatureRule {
    /// pymssql / FreeTDS DB-Lib (formats.md §4).
    static let freeTDS: [SignatureRule] = [
    // A login that timed out: FreeTDS reports SYBETIME (20003) from the read that expired, then
    // SYBEFCON (20002) when tds_connect gives up on the login (src/tds/login.c: `tdserror(...,
    // TDSEFCON)` after the login packet was not acknowledged); pymssql's err_handler
    // (src/pymssql/_mssql.pyx) appends every DB-Lib message to the one it raises. A 20003 alone
    // is a query's timeout or a login's; with 20002 after it, only a login's. Numbers, not texts:
    // FreeTDS 1.5 renamed "Adaptive Server" to "TDS server" in its messages.
    SignatureRule("freetds-20003-then-20002-login-timed-out", driver: "pymssql/FreeTDS", .connectionTimeout, all: ["DB-Lib error message 20003", "DB-Lib error message 20002"], examples: [
        "[ERROR] OperationalError: (20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (ledger.proxy-abc.us-east-1.rds.amazonaws.com:1433)\\nDB-Lib error message 20002, severity 9:\\nAdaptive Server connection failed (ledger.proxy-abc.us-east-1.rds.amazonaws.com:1433)\\n')\n",
    ]),
    SignatureRule("freetds-20003-timed-out", driver: "pymssql/FreeTDS", .ambiguousTimeout, all: ["Adaptive Server connection timed out"], examples: [
        "[ERROR] OperationalError: (20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (ledger.proxy-abc.us-east-1.rds.amazonaws.com:1433)\\n')\n",
    ]),
    SignatureRule("freetds-20002-connection-failed", driver: "pymssql/FreeTDS", .connectionRejected, all: ["Adaptive Server connection failed"], examples: [
        "[ERROR] OperationalError: (20002, b'DB-Lib error message 20002, severity 9:\\nAdaptive Server connection failed (ledger.proxy-abc.us-east-1.rds.amazonaws.com)\\n')\n",
    ]),
    SignatureRule("freetds-20009-unable-to-connect", driver: "pymssql/FreeTDS", .connectionRejected, all: ["unable to connect: adaptive server is unavailable"], tolerant: true, examples: [
        "[ERROR] OperationalError: (20009, b'DB-Lib error message 20009, severity 9:\\nUnable to connect: Adaptive Server is unavailable or does not exist (journal.proxy-abc.us-east-1.rds.amazonaws.com)\\n')\n",
    ]),
    // FreeTDS 1.5 (commit fb2e935, "Use \"TDS server\" instead of \"Adaptive Server\" in error
    // messages", src/dblib/dblib.c) prints the same three messages under the new name.
    SignatureRule("freetds-20003-tds-server-timed-out", driver: "pymssql/FreeTDS", .ambiguousTimeout, all: ["TDS server connection timed out"], examples: [
        "[ERROR] OperationalError: (20003, b'DB-Lib error message 20003, severity 6:\\nTDS server connection timed out (ledger.proxy-abc.us-east-1.rds.amazonaws.com:1433)\\n')\n",
    ]),
    SignatureRule("freetds-20002-tds-server-connection-failed", driver: "pymssql/FreeTDS", .connectionRejected, all: ["TDS server connection failed"], examples: [
        "[ERROR] OperationalError: (20002, b'DB-Lib error message 20002, severity 9:\\nTDS server connection failed (ledger.proxy-abc.us-east-1.rds.amazonaws.com)\\n')\n",
    ]),
    SignatureRule("freetds-20009-tds-server-unavailable", driver: "pymssql/FreeTDS", .connectionRejected, all: ["unable to connect: tds server is unavailable"], tolerant: true, examples: [
        "[ERROR] OperationalError: (20009, b'DB-Lib error message 20009, severity 9:\\nUnable to connect: TDS server is unavailable or does not exist (journal.proxy-abc.us-east-1.rds.amazonaws.com)\\n')\n",
    ]),
    SignatureRule("freetds-net-lib-reset", driver: "pymssql/FreeTDS", .staleConnection, all: ["Net-Lib error during Connection reset by peer"], examples: [
        "[ERROR] OperationalError: (20017, b'DB-Lib error message 20017, severity 9:\\nUnexpected EOF from the server\\nNet-Lib error during Connection reset by peer (104)\\n')\n",
    ]),

    // The DB-Lib numbers that say the connection itself failed (include/sybdb.h: SYBEREAD 20004,
    // SYBEWRIT 20006, SYBESEOF 20017, SYBEDDNE 20047); the other 200xx numbers are configuration,
    // login or the server's own messages (20018 SYBESMSG: "General SQL Server error: Check
    // messages from the SQL Server"), none of them a dead connection.
    SignatureRule("freetds-20004-read-failed", driver: "pymssql/FreeTDS", .staleConnection, all: ["DB-Lib error message 20004"], examples: [
        "[ERROR] OperationalError: (20004, b'DB-Lib error message 20004, severity 9:\\nRead from the server failed\\n')\n",
    ]),
    SignatureRule("freetds-20006-write-failed", driver: "pymssql/FreeTDS", .staleConnection, all: ["DB-Lib error message 20006"], examples: [
        "[ERROR] OperationalError: (20006, b'DB-Lib error message 20006, severity 9:\\nWrite to the server failed\\n')\n",
    ]),
    SignatureRule("freetds-20017-unexpected-eof", driver: "pymssql/FreeTDS", .staleConnection, all: ["DB-Lib error message 20017"], examples: [
        "[ERROR] OperationalError: (20017, b'DB-Lib error message 20017, severity 9:\\nUnexpected EOF from the server (ledger.proxy-abc.us-east-1.rds.amazonaws.com)\\n')\n",
    ]),
    SignatureRule("freetds-20047-dbprocess-dead", driver: "pymssql/FreeTDS", .staleConnection, all: ["DB-Lib error message 20047"], examples: [
        "[ERROR] OperationalError: (20047, b'DB-Lib error message 20047, severity 9:\\nDBPROCESS is dead or not enabled\\n')\n",
    ]),
    ]
}
