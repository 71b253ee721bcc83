/// What a file turned out to be, once read.
struct SourceOutcome {
    var path: String
    var container: String
    var sha256: String
    var eventsRead: Int
    var logGroup: String?
    var logGroupOrigin: String?
    /// Configuration changes what deriving and classifying see even without events.
    var isConfiguration: Bool
    /// Metric points the file added to `metric_point` (directly or by naming earlier results).
    var metricPointsAdded = 0
}
