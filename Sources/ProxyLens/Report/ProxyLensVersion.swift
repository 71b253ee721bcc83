import Foundation

/// The tool's version, shown by `--version` and in every report.
public enum ProxyLensVersion {
    public static let current = "0.1.0"
}
