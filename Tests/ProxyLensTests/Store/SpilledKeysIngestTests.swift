import Foundation
import Testing
@testable import ProxyLens

/// A bulk load, or an addition deduped in memory, whose dedupe keys do not fit their table
/// (`SpillingKeySet`) must store what one whose keys fit stores: the same events, the same
/// duplicates dropped, the same derived tables. A table of 1 KiB (96 keys) makes the few
/// thousand events of samples/ spill dozens of runs, with their duplicates found in them.
@Suite("Spilled dedupe keys vs keys in memory")
struct SpilledKeysIngestTests {
    static let inputs = [Fixture.samples("incident"), Fixture.samples("containers")]

    static func spilling(into folder: String? = nil) -> IngestOptions {
        var options = IngestOptions()
        options.dedupeTableBytes = 1024
        options.spillFolder = folder
        return options
    }

    static func expectSame(_ a: Database, _ b: Database, _ summaries: (IngestSummary, IngestSummary)) throws {
        #expect(summaries.0.eventsAdded == summaries.1.eventsAdded)
        #expect(summaries.0.duplicates == summaries.1.duplicates)
        #expect(summaries.0.duplicates.total > 100, "duplicates to find: \(summaries.0.duplicates.total)")
        let (x, y) = (try FastPathTests.snapshot(a), try FastPathTests.snapshot(b))
        #expect((x["event"]?.count ?? 0) > 2900)
        for table in x.keys.sorted() { #expect(x[table] == y[table], "\(table) differs when the dedupe keys spill") }
        for database in [a, b] {
            #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'event_dedupe'").int == 0)
            #expect(try database.scalar("SELECT count(*) FROM meta WHERE key = ?", [.text(EventWriter.inMemoryWriterKey)]).int == 0)
        }
    }

    @Test("samples/: a bulk load whose keys spill stores the same events and derived tables as one whose keys fit")
    func bulkLoad() throws {
        let fits = try Database(path: ":memory:")
        let (fitsSummary, _) = try ingest(Self.inputs, into: fits)
        _ = try Classifier(database: fits).run()
        let spills = try Database(path: ":memory:")
        let (spillsSummary, _) = try ingest(Self.inputs, into: spills, options: Self.spilling())
        _ = try Classifier(database: spills).run()
        try Self.expectSame(fits, spills, (fitsSummary, spillsSummary))
    }

    @Test("samples/: adding to stored events in memory, the stored rows' keys spilling too, gives the same as keys that fit")
    func appendInMemory() throws {
        // The incident's events are stored first: their keys seed the set, then the containers'
        // events (copies of some of them among) are added.
        var databases: [Database] = []
        var summaries: [IngestSummary] = []
        for options in [IngestOptions(), Self.spilling()] {
            let database = try Database(path: ":memory:")
            _ = try ingest([Self.inputs[0]], into: database)
            let (summary, _) = try ingest(Self.inputs, into: database, options: options)
            _ = try Classifier(database: database).run()
            databases.append(database)
            summaries.append(summary)
        }
        try Self.expectSame(databases[0], databases[1], (summaries[0], summaries[1]))
        #expect(summaries[1].eventsAdded > 200)
    }

    @Test("keys that cannot be written out fail the run, which keeps nothing of it, rather than dropping keys")
    func spillFailureFailsTheRun() throws {
        let database = try Database(path: ":memory:")
        let error = #expect(throws: ProxyLensError.self) {
            _ = try ingest(Self.inputs, into: database, options: Self.spilling(into: "/nonexistent-proxylens-folder"))
        }
        #expect(error?.description.contains("/nonexistent-proxylens-folder: cannot make a temporary file for dedupe-keys") == true,
                "\(String(describing: error))")
        #expect(try database.scalar("SELECT count(*) FROM event").int == 0)
    }
}
