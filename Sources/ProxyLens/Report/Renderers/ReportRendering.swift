import Foundation

/// One output format of `report`. A new format is one file with a type conforming to this and
/// one entry in `ReportRenderer.all`; `RendererTests` then renders the sample incident with it.
protocol ReportRendering: Sendable {
    /// The `--format` value.
    var name: String { get }
    /// One line for `--help` and README.
    var summary: String { get }
    func render(_ report: Report, _ options: RenderOptions) -> String
}
