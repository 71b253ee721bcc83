extension SignatureRule {
    /// SQLAlchemy's transaction-state errors: they quote the original exception, so they come before the drivers' texts.
    static let sqlAlchemyTransactionState: [SignatureRule] = [
    SignatureRule("sqlalchemy-inactive-transaction", driver: "SQLAlchemy", .transactionState, all: ["due to the SQL transaction being rolled back"], examples: [
        "[ERROR] InvalidRequestError: This session is in 'inactive' state, due to the SQL transaction being rolled back; no further SQL can be emitted within this transaction.\n",
    ]),
    SignatureRule("sqlalchemy-rolled-back-during-flush", driver: "SQLAlchemy", .transactionState, all: ["transaction has been rolled back due to a previous exception during flush"], examples: [
        "[ERROR] PendingRollbackError: This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint \"invoice_pkey\"\n",
    ]),
    SignatureRule("sqlalchemy-invalid-transaction", driver: "SQLAlchemy", .transactionState, all: ["Can't reconnect until invalid transaction is rolled back"], examples: [
        "[ERROR] PendingRollbackError: Can't reconnect until invalid transaction is rolled back.  Please rollback() fully before proceeding (Background on this error at: https://sqlalche.me/e/20/8s2b)\n",
    ]),
    ]
}
