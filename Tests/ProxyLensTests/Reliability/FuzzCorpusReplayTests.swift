import Foundation
import Testing
@testable import ProxyLens

/// Every input the fuzzers kept (`fuzz/corpus/<Target>/`) and every input that once broke
/// something (`fuzz/crashes/<Target>-…`) goes through the same entry point as its fuzzer.
/// A crash, a hang or a failed property check here fails the whole test run.
@Suite("Reliability: fuzz corpus replay")
struct FuzzCorpusReplayTests {
    static let fuzzFolder = Fixture.root.appendingPathComponent("fuzz")

    static func inputs(_ folder: String) -> [URL] {
        let url = fuzzFolder.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { url.appendingPathComponent($0) }
    }

    static func entry(_ target: String) -> ((UnsafeBufferPointer<UInt8>) -> Void)? {
        switch target {
        // The whole ingest-classify-report pipeline is run on a sample of the container corpus
        // (every 8th input) to keep this test fast; the readers run on every input.
        case "FuzzContainer": return { FuzzEntry.container($0, fullPipeline: false) }
        case "FuzzJSON": return FuzzEntry.json
        case "FuzzLines": return FuzzEntry.lines
        default: return nil
        }
    }

    @Test("the kept corpus of each fuzz target replays without a crash",
          arguments: ["FuzzContainer", "FuzzJSON", "FuzzLines"])
    func corpus(_ target: String) throws {
        let files = Self.inputs("corpus/\(target)")
        #expect(files.count >= 20, "fuzz/corpus/\(target) holds \(files.count) inputs; run the fuzzer and merge its corpus (fuzz/README.md)")
        let run = try #require(Self.entry(target))
        for (i, file) in files.enumerated() {
            let bytes = try [UInt8](Data(contentsOf: file))
            bytes.withUnsafeBufferPointer { run($0) }
            if target == "FuzzContainer" && i % 8 == 0 && bytes.count <= 65_536 {
                FuzzEntry.ingestAndReport(bytes)
            }
        }
    }

    @Test("every saved crash input replays without a crash")
    func crashes() throws {
        let files = Self.inputs("crashes")
        for file in files {
            let target = String(file.lastPathComponent.prefix { $0 != "-" })
            let run = try #require(Self.entry(target), "\(file.lastPathComponent) does not start with a fuzz target name")
            let bytes = try [UInt8](Data(contentsOf: file))
            bytes.withUnsafeBufferPointer { run($0) }
            if target == "FuzzContainer" { FuzzEntry.ingestAndReport(bytes) }
        }
    }

    @Test("the entry points check what they claim: a reader that depends on read sizes is caught")
    func entryPointsCanFail() throws {
        // The same page read whole and one byte at a time gives the same events...
        let page = Array(#"{"events":[{"logStreamName":"s","timestamp":1773478800000,"message":"START RequestId: a Version: 1\n"}]}"#.utf8)
        let whole = FuzzEntry.readContainer(page, chunk: nil)
        let pieces = FuzzEntry.readContainer(page, chunk: 1)
        #expect(whole.events.count == 1)
        #expect(whole == pieces)
        // ...and the comparison does see a difference when there is one.
        var other = pieces
        other.events[0].message.append(0x20)
        #expect(!KnownBug.sameOutcome(whole, other))
    }
}
