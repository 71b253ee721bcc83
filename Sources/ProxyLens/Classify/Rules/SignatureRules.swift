extension SignatureRule {
    /// Every signature, family by family (one file each under `Signatures/`), in this order:
    /// the RDS Proxy's own client errors first (they appear wrapped by every driver), then pool
    /// and login timeouts before the generic timeout texts they contain words of, then query
    /// timeouts, then dead-connection texts, then transaction-state texts. Within a family the
    /// file's order holds. Strings marked [U] in formats.md are matched tolerantly. A test checks
    /// that every example is matched by its own rule, so no rule shadows another.
    public static let all: [SignatureRule] = rdsProxy + sqlClient + odbc + freeTDS + sqlAlchemyTransactionState + postgres + nodePostgres + mysql + jdbc + go + sqlAlchemy + lambdaRuntime
}
