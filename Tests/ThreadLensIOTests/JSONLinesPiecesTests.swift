import Foundation
import Testing
import ThreadLensCore
@testable import ThreadLensIO

/// A large JSON Lines file read in pieces (`JSONLinesPieces`) gives what reading it whole gives.
@Suite struct JSONLinesPiecesTests {
    /// Threads back to back, two threads interleaved, records without a thread, a broken line,
    /// a record without text, a repeated id, a missing parent, CRLF line ends, blank lines,
    /// invisible and control characters.
    static let lines = [
        #"{"thread": "a", "id": "1", "text": "Xiaomi opened a store in Madrid."}"#,
        #"{"thread": "a", "id": "2", "parent": "1", "text": "Is it an official one?"}"#,
        #"{"thread": "b", "id": "1", "text": "Mi Depot is not authorised."}"#,
        "",
        #"{"thread": "c", "id": "1", "text": "Start of c"}"#,
        #"{"thread": "b", "id": "2", "parent": "1", "text": "They are a grey importer.\u200B"}"#,
        #"{"thread": "c", "id": "2", "parent": "9", "text": "Reply to nothing"}"#,
        #"{"thread": "b", "id": "3", "parent": "2", "text": "broken"#,
        #"{"id": "x1", "text": "No thread key here."}"#,
        #"{"thread": "d", "id": "1", "text": "d one"}"#,
        #"{"thread": "d", "id": "1", "text": "d repeated id"}"#,
        #"{"thread": "d", "id": "2"}"#,
        #"{"id": "x2", "parent": "x1", "text": "Still the default thread, far below."}"#,
        #"{"thread": "e", "id": "1", "text": "last \u0007 thread"}"#,
        "",
    ]

    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Every piece read as the CLI reads it, the results joined.
    func readInPieces(_ url: URL, pieceBytes: Int) throws -> (result: ReadResult, pieces: Int) {
        let pieces = try #require(JSONLinesPieces.plan(path: url.path, pieceBytes: pieceBytes))
        var joined = ReadResult(threads: [], diagnostics: [], skipped: [])
        var count = 0
        for piece in pieces {
            count += 1
            let result = InputFiles.read(data: piece.data, source: url.path, format: .jsonl, threadID: ThreadID("file"),
                                         encoding: .unicodeOnly, firstLine: piece.firstLine)
            joined.threads += result.threads
            joined.diagnostics += result.diagnostics
            joined.skipped += result.skipped
        }
        return (joined, count)
    }

    @Test(arguments: [1, 60, 200, 1 << 20], ["\n", "\r\n"])
    func piecesGiveTheThreadsCommentsAndDiagnosticsOfTheWholeFile(pieceBytes: Int, lineEnd: String) throws {
        let url = try write(Self.lines.joined(separator: lineEnd))
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = InputFiles.read(data: try Data(contentsOf: url), source: url.path, format: .jsonl, threadID: ThreadID("file"))
        let (pieces, count) = try readInPieces(url, pieceBytes: pieceBytes)
        #expect(pieces.threads == whole.threads)
        #expect(pieces.skipped == whole.skipped)
        // The same diagnostics; the order differs (each piece reports its threads' parent links
        // at its end, the whole file at the end of the file).
        #expect(pieces.diagnostics.map(\.description).sorted() == whole.diagnostics.map(\.description).sorted())
        #expect(!whole.diagnostics.isEmpty)
        #expect(whole.threads.map(\.id.rawValue) == ["a", "b", "c", "file", "d", "e"])
        // Cut as small as the threads allow: a (lines 1-2); b and c, interleaved (3-7); the
        // broken line (8); the default thread, which d sits inside (9-13); e (14).
        if pieceBytes == 1 { #expect(count == 5) }
        if pieceBytes == 1 << 20 { #expect(count == 1) }
    }

    static let record: [UInt8] = Array(#"{"id": "1", "text": "x"}"#.utf8)
    static let notPlain: [(String, [UInt8])] = [
        ("a byte order mark", [0xEF, 0xBB, 0xBF] + record),
        ("invalid UTF-8", record.dropLast(3) + [0xE9] + record.suffix(3)),
        ("a lone CR line break", record + [0x0D] + record),
    ]

    @Test(arguments: notPlain)
    func fileThatIsNotPlainUTF8IsLeftToTheWholeFileReader(_ name: String, bytes: [UInt8]) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(JSONLinesPieces.plan(path: url.path, pieceBytes: 1) == nil, "\(name)")
    }
}
