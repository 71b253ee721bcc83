

/// What ingest asks of the store: the narrow writer API between `Ingest/` (which reads files)
/// and `Store/` (which owns SQLite). Events go in through `accept`; bookkeeping for a file is
/// work given to `afterWritten`, which runs once every event handed over before it is written:
/// in a bulk load on the writing thread behind them (`queued`), else at once after waiting.
protocol IngestStore: AnyObject {
    /// True while filling a database that held no events when the run began.
    var isBulk: Bool { get }
    /// The file with these attributes as it was ingested before, or nil.
    func knownSource(_ file: FileIdentity) throws -> KnownSource?
    /// Gives the events a file was ingested with, and the file, another log group (a
    /// `--log-group` corrected on a later run); the derived tables are rebuilt.
    func changeLogGroup(ofSource id: Int64, from old: String, to group: String) throws
    /// Inserts the file's `source` row (on the writing thread when `queued`).
    func beginSource(_ source: NewSource, queued: Bool) throws -> SourceRow
    /// One event with what the line parser found in it.
    func accept(_ event: inout RawEvent, parsed: ParsedLine, transactionEffect: Int64, group: String?) throws
    func afterWritten(queued: Bool, _ work: @escaping () throws -> Void) throws
    /// Events of the current source that were new (read inside `afterWritten` work).
    var eventsAddedBySource: Int { get }
    /// Records what the file was and its problems (each also given to `onIssue`; the file is
    /// incomplete when one skipped data); false when the same bytes were ingested under another
    /// name (the row is then removed). Inside `afterWritten` work.
    func completeSource(_ row: SourceRow, _ outcome: SourceOutcome, problems: [IngestIssue], onIssue: (IngestIssue) -> Void) throws -> Bool
    /// Removes a file's `source` row and the events written from it (a file half read when
    /// the run was interrupted). Inside `afterWritten` work.
    func discardSource(_ row: SourceRow) throws
    /// An `ingest_error` row. Inside `afterWritten` work, or anywhere when not bulk.
    func recordIssue(_ issue: IngestIssue, path: String, sourceId: Int64?) throws
    /// The log group `describe-export-tasks` gave an export task, if ingested.
    func exportTaskGroup(_ taskId: String) throws -> String?
    /// Stores a configuration document read from source `sourceId`.
    func saveConfiguration(_ document: ConfigurationDocument, sourceId: Int64) throws
    /// Stores metric results read from source `sourceId` in `folder`: named series into
    /// `metric_point`, the others by Id and Label until a queries file names them (at once when
    /// one was ingested before). Returns the points added and the results left unnamed.
    func saveMetricResults(_ results: [MetricResult], sourceId: Int64, folder: String) throws -> (pointsAdded: Int, unnamed: [MetricResult])
    /// Stores the queries of a `--metric-data-queries` file and names the results waiting for
    /// them; returns the points that moved into `metric_point`.
    func saveMetricQueries(_ queries: [MetricQuery], sourceId: Int64, folder: String) throws -> Int
    /// At the end of a run: names waiting results by the only query of their Id in another
    /// folder; returns the points that moved into `metric_point`.
    func resolveMetricsAcrossFolders() throws -> Int
    /// Points of source `sourceId` still waiting in `metric_unresolved` for their queries file.
    func unresolvedMetricPoints(sourceId: Int64) throws -> Int
    /// Commits what is written so far (files are whole in every commit).
    func commit() throws
    /// Waits until everything handed over is written.
    func finish() throws
    /// After a failure: waits for the writing side to stop.
    func abandon()
}
