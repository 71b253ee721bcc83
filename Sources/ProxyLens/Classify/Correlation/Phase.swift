/// Whether a timeout happened while connecting or while running a statement, from the stack
/// trace or API names in the error text.
enum Phase {
    case connect, query, unknown

    static let connectMarkers = ["connect(", "SQLDriverConnect", "get_connection", ".Open(", "OpenAsync", "dial tcp", "getConnection", "_connect(", "pool.connect", "Connect("]
    static let queryMarkers = ["execute(", "SQLExecDirect", "ExecuteReader", "ExecuteNonQuery", "ExecuteScalar", "read tcp", "query(", ".Query(", "QueryContext", "ExecContext", "cursor"]

    static func of(_ text: String) -> Phase {
        let connect = connectMarkers.contains { text.contains($0) }
        let query = queryMarkers.contains { text.contains($0) }
        if connect && !query { return .connect }
        if query && !connect { return .query }
        return .unknown
    }
}
