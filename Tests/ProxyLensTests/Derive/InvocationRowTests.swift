import Foundation
import Testing
@testable import ProxyLens

/// The `invocation` columns are listed once (`Invocation.columns`); writing and reading follow
/// that list, so a row written is the row read back, field by field.
@Suite("An invocation row written and read back")
struct InvocationRowTests {
    @Test("every field survives the round trip through the invocation table, in column order")
    func roundTrip() throws {
        let database = try Database(path: ":memory:")
        // Every field differs from its neighbours, so two fields bound in swapped order show.
        let written = Invocation(
            requestId: "8f5c2f0e-1b7d-4c1e-9d0a-3b1f2a4c5d6e", function: "orders", instance: "2025/12/07/[$LATEST]abc",
            logGroup: "/aws/lambda/orders", startTs: 1_765_114_200_000, endTs: 1_765_114_215_000, durationMs: 15000.5,
            billedMs: 15001, initMs: 312.25, memoryMB: 512, maxMemoryMB: 187, status: .timeout, errorType: "Sandbox.Timedout",
            errorMessage: "Task timed out after 15.00 seconds", errorEventId: 42, coldStart: true, seq: 7, idleBeforeMs: 2_400_000,
            lastActivity: "BEGIN (implicit)", lastActivityTs: 1_765_114_201_000, transactionOpen: true, events: 9,
            transactionBeginEventId: 41)
        let insert = try database.statement(try SQLFolder.statements.sql("derive_upsert_invocation"))
        written.bind(to: insert)
        try insert.step()
        // Read back as classifying reads it (timed-out invocations are among those it labels).
        let select = try database.prepare(try SQLFolder.statements.sql("classify_failed_invocations"))
        #expect(try select.step())
        #expect(Invocation(row: select, from: 1) == written)
        // The files name the table's own columns, in the table's order, as `Invocation.columns` does.
        let table = try database.rows("SELECT name FROM pragma_table_info('invocation') ORDER BY cid").map { $0[0].string ?? "" }
        #expect(table == Invocation.columns)
        #expect(insert.parameterNames == Invocation.columns.map { ":" + $0 })
        #expect((1..<select.columnCount).map(select.columnName) == Invocation.columns)
    }
}
