import Foundation

/// One `ingest` run: every input file into the database (`FileIngester` over the store's
/// `SQLiteIngestStore`), then the derived tables (`Deriver`) rebuilt when something changed.
public final class Ingestion {
    let database: Database
    let options: IngestOptions
    /// Called for each problem as it is recorded: (path, issue). In a bulk load, on the thread
    /// that writes to the database.
    public var onIssue: (String, IngestIssue) -> Void = { _, _ in }
    /// Called now and then with (bytes read, events read) so far.
    public var onProgress: (Int64, Int) -> Void = { _, _ in }
    /// Called with (path, container, why) when a file's container is chosen.
    public var onContainerChosen: (String, String, String) -> Void = { _, _, _ in }

    public init(database: Database, options: IngestOptions = IngestOptions()) {
        self.database = database
        self.options = options
    }

    public func run(paths: [String]) throws -> IngestSummary {
        let clock = PhaseClock()
        let readingCPU = ThreadClock.cpuSeconds()
        let lambdaLinesHeld = options.lambdaLinesHeld ?? LambdaLines.defaultHeldBudget
        let gatherer = DerivationGatherer(heldBudget: lambdaLinesHeld, spillDirectory: options.spillFolder)
        let store = try SQLiteIngestStore(database: database, gatherer: gatherer,
                                          keyTableBytes: options.dedupeTableBytes ?? SpillingKeySet.defaultTableBytes,
                                          keySpillFolder: options.spillFolder)
        let ingester = FileIngester(store: store, options: options)
        ingester.onIssue = onIssue
        ingester.onProgress = onProgress
        ingester.onContainerChosen = onContainerChosen
        ingester.databasePath = database.path
        var summary = try ingester.run(paths: paths)
        let gathered: DerivationGatherer?
        do { gathered = try store.endRun() as? DerivationGatherer } catch { store.abandon(); throw error }
        summary.duplicates = store.duplicates
        summary.eventsAdded -= store.eventsRemovedAfterCounting
        clock.lap("read inputs")
        clock.note("of which CPU: reading thread", ThreadClock.cpuSeconds() - readingCPU)
        clock.note("inserting thread", store.insertingCPUSeconds)
        if gathered != nil { clock.note("gathering thread", store.gatheringCPUSeconds) }
        if summary.interrupted || Interruption.requested {
            throw ProxyLensError(.usage, database.path, "interrupted; everything committed so far is kept; run the same command again to finish")
        }
        var notes: [(path: String, issue: IngestIssue)] = []
        let deriver = Deriver(database: database, heldBudget: lambdaLinesHeld, spillDirectory: options.spillFolder, clock: clock)
        if let unattributed = try deriver.rebuildIfStale(from: gathered?.takeInput(), unlessChangedSince: store.dataVersionAtStart,
                                                         notes: &notes) {
            summary.derivedRebuilt = true
            summary.unattributed = unattributed
        }
        // What deriving could not do is said like a file's problems (the rows are in ingest_error).
        for (path, issue) in notes {
            summary.notes += 1
            onIssue(path, issue)
        }
        if store.wasBulk { try store.restoreDurability() }
        clock.lap("derive: end")
        summary.timings = clock.laps
        return summary
    }
}
