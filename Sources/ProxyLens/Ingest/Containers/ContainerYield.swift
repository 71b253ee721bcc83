/// What a container's files give: log events, configuration, metric points (or results that
/// wait for their queries file), the queries that name get-metric-data results, or nothing (a
/// format recognised only to be refused with a problem that says what to export instead).
enum ContainerYield: Sendable {
    case events, configuration, metricPoints, metricQueries, nothing
}
