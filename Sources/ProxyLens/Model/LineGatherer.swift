/// Takes each line of `event` as deriving reads it, in `event.id` order. The store's bulk
/// path hands over every line it writes (so deriving needs no scan of `event` afterwards);
/// `message` is given only where `LineRole.readsMessage` says so.
protocol LineGatherer: AnyObject {
    func add(role: LineRole, request: UnsafeBufferPointer<UInt8>?, stream: UnsafeBufferPointer<UInt8>, ts: Int64, eventId: Int64,
             transactionEffect: Int64, group: UnsafeBufferPointer<UInt8>?, proxyTs: Int64?, client: Int64?, db: Int64?,
             message: UnsafeBufferPointer<UInt8>?)
}
