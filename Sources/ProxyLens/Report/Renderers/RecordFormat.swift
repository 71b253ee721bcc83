import Foundation

/// Output formats for rows of records.
public enum RecordFormat: String, CaseIterable, Sendable {
    case table, json, ndjson, csv
}
