/// One `instance` row, totalled from the invocations written for its stream, as
/// `Store/statements/derive_instances_from_invocations.sql` counts them.
struct InstanceTotals {
    let function: String
    let instance: String
    let group: String?
    var firstTs = Int64.max
    var lastTs = Int64.min
    var invocations: Int64 = 0
    var coldStarts: Int64 = 0
    var failures: Int64 = 0

    init(of invocation: ReplayedInvocation) {
        (function, instance, group) = (invocation.function, invocation.instance, invocation.group)
    }

    /// Counts an invocation written with `end_ts` = `end`.
    mutating func count(_ invocation: ReplayedInvocation, end: Int64, failed: Bool) {
        firstTs = min(firstTs, invocation.startTs ?? end)
        lastTs = max(lastTs, end)
        invocations += 1
        if invocation.initMs != nil { coldStarts += 1 }
        if failed { failures += 1 }
    }
}
