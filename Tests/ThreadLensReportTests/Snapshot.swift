import Foundation
import Testing

/// Golden files next to the tests (Tests/ThreadLensReportTests/Golden/NAME). Run with
/// RECORD_SNAPSHOTS=1 to write them anew; review the diff before committing.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data(actual.utf8)),
                    "could not record \(name)", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "(end of file)"
            let got = first < actualLines.count ? String(actualLines[first]) : "(end of output)"
            let message = "\(name) differs from its golden file at line \(first + 1):\n  golden: \(want)\n  actual: \(got)\n"
                + "(RECORD_SNAPSHOTS=1 re-records)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
