/// A failed (or possibly failed) invocation as classifying sees it: its `invocation` row, with
/// the time of the line that carried its error and the other lines that may say what it is about.
/// Its row's fields are read as `failure.invocation.requestId`: plainly, not through a key path,
/// which copied the whole row at each read (a fifth of classifying's time).
struct FailedInvocation {
    var invocation: Invocation
    /// When the line that carried its error was logged.
    var errorTs: Int64?
    /// The other lines the invocation logged that may carry its error: what a short error
    /// text is about (`[mysql] packets.go…` before a bare `invalid connection`).
    var errorContext = ""

    /// When it began, or ended when its start was not seen.
    var startTs: Int64 { invocation.startTs ?? invocation.endTs }
}
