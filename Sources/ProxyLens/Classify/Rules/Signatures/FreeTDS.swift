extension SignatureRule {
    /// pymssql / FreeTDS DB-Lib (formats.md §4).
    static let freeTDS: [SignatureRule] = [
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
    ]
}
