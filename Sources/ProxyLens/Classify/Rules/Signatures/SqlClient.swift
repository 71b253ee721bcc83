extension SignatureRule {
    /// .NET SqlClient and SQL Server errors (formats.md §4).
    static let sqlClient: [SignatureRule] = [
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
    // MySql.Data copied SqlClient's legacy timeout text and throws it from StreamCreator while
    // opening too (MySQL.Data/src/common/StreamCreator.cs, wrapped in UnableToConnectToHost):
    // before the legacy rule, which reads the text as a command's.
    SignatureRule("mysqldata-connect-timeout-expired", driver: "MySql.Data", .connectionTimeout, all: ["Unable to connect to any of the specified MySQL hosts", "Timeout expired.", "prior to completion of the operation"], examples: [
        "2019-01-01T00:00:00.000Z\t3b1f0e2a-9c4d-4e5f-8a6b-7c8d9e0f1a2b\tfail\tMySql.Data.MySqlClient.MySqlException (0x80004005): Unable to connect to any of the specified MySQL hosts.\n ---> MySql.Data.MySqlClient.MySqlException (0x80004005): Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n",
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
    ]
}
