/// `DerivationInput` behind the store's gathering hook: a bulk load's inserting side hands each
/// written line over here, with the values the derive scan would read.
final class DerivationGatherer: LineGatherer {
    var input: DerivationInput

    private let spillDirectory: String?

    /// `heldBudget`: bytes of Lambda lines held in memory before they are spilled (`LambdaLines`),
    /// to `spillDirectory` (nil: where SQLite makes its temporary files).
    init(heldBudget: Int = LambdaLines.defaultHeldBudget, spillDirectory: String? = nil) {
        self.spillDirectory = spillDirectory
        input = DerivationInput(heldBudget: heldBudget, spillDirectory: spillDirectory)
    }

    /// Hands the gathered input over, keeping no reference (deriving frees parts of it as it goes).
    func takeInput() -> DerivationInput {
        var taken = DerivationInput(heldBudget: input.lambda.heldBudget, spillDirectory: spillDirectory)
        swap(&taken, &input)
        return taken
    }

    func add(role: LineRole, request: UnsafeBufferPointer<UInt8>?, stream: UnsafeBufferPointer<UInt8>, ts: Int64, eventId: Int64,
             transactionEffect: Int64, group: UnsafeBufferPointer<UInt8>?, proxyTs: Int64?, client: Int64?, db: Int64?,
             message: UnsafeBufferPointer<UInt8>?) {
        input.add(role: role, request: request, stream: stream, ts: ts, eventId: eventId, transactionEffect: transactionEffect,
                  group: group, proxyTs: proxyTs, client: client, db: db, message: message)
    }
}
