import Foundation
import ThreadLensCore

/// A large JSON Lines file as a sequence of pieces, each holding whole threads, so it can be
/// read and analysed a piece at a time instead of all at once.
///
/// A first pass records the first and last line of every thread (its `thread` key; records
/// without one belong to the file's default thread). The file is then read again and cut after
/// a line only where no thread runs on past it, once the piece has reached `pieceBytes`. So a
/// thread is never split, however its records are interleaved with others: a file whose
/// threads all interleave is one piece. Each piece is read by the ordinary reader with its
/// first line number (`InputFiles.read(data:…firstLine:)`), so every comment, location and
/// diagnostic is what reading the whole file gives; only the per-file summaries (the
/// `input.missing-id` count, the cap of 20 reported lines per kind of removed character)
/// are per piece.
///
/// Only plain UTF-8 files are planned: no byte order mark, no invalid UTF-8, no line break
/// that is a lone CR. Anything else is read whole, where decoding and its diagnostics see the
/// whole file.
public struct JSONLinesPieces: Sequence {
    /// One piece: its bytes and the line number of its first line.
    public struct Piece: Sendable {
        public var data: Data
        public var firstLine: Int
    }

    public let path: String
    public let pieceBytes: Int
    /// The lines after which no cut may fall, merged and in order: a thread that starts at line
    /// f and ends at line l forbids cuts after f…l-1.
    private let uncuttable: [Range<Int>]

    /// Plans the pieces of the file at `path`; nil when it is not plain UTF-8 JSON Lines that
    /// can be cut (read it whole then) or cannot be read.
    public static func plan(path: String, pieceBytes: Int) -> JSONLinesPieces? {
        guard var lines = LineReader(path: path) else { return nil }
        var span: [String: Range<Int>] = [:]
        var number = 0
        while let line = lines.next() {
            number += 1
            if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
            guard String(validating: line, as: UTF8.self) != nil, !hasLoneCR(line) else { return nil }
            if let key = threadKey(of: line, number: number) { span[key] = (span[key]?.lowerBound ?? number)..<number }
        }
        var uncuttable: [Range<Int>] = []
        for range in span.values.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = uncuttable.last, range.lowerBound <= last.upperBound {
                uncuttable[uncuttable.count - 1] = last.lowerBound..<Swift.max(last.upperBound, range.upperBound)
            } else {
                uncuttable.append(range)
            }
        }
        return JSONLinesPieces(path: path, pieceBytes: Swift.max(1, pieceBytes), uncuttable: uncuttable)
    }

    public func makeIterator() -> Iterator {
        Iterator(lines: LineReader(path: path), pieceBytes: pieceBytes, uncuttable: uncuttable)
    }

    public struct Iterator: IteratorProtocol {
        var lines: LineReader?
        let pieceBytes: Int
        let uncuttable: [Range<Int>]
        var number = 0
        /// The first range of `uncuttable` not yet behind the current line.
        var nextRange = 0

        public mutating func next() -> Piece? {
            guard var reader = lines else { return nil }
            var bytes: [UInt8] = []
            let first = number + 1
            var holdsText = false
            while let line = reader.next() {
                number += 1
                bytes.append(contentsOf: line)
                if !holdsText, line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }) { holdsText = true }
                while nextRange < uncuttable.count, uncuttable[nextRange].upperBound <= number { nextRange += 1 }
                let cuttable = nextRange == uncuttable.count || !uncuttable[nextRange].contains(number)
                if cuttable, bytes.count >= pieceBytes {
                    lines = reader
                    return Piece(data: Data(bytes), firstLine: first)
                }
            }
            lines = nil
            // Trailing blank lines are no piece (the whole-file reader ignores them too).
            return holdsText ? Piece(data: Data(bytes), firstLine: first) : nil
        }
    }

    /// The `thread` key of a record line ("" when it has none); nil when the line is not a
    /// JSON object with a usable key (the reader reports it and it joins no thread).
    static func threadKey(of line: ArraySlice<UInt8>, number: Int) -> String? {
        var parser = JSONParser(Array(line), firstLine: number)
        guard let document = try? parser.parseDocument(), document.members(document.root) != nil else { return nil }
        do {
            return try document.identifier(document.root, "thread") ?? ""
        } catch {
            return nil
        }
    }

    /// True when the line holds a CR that is not followed by LF (a line break for the reader,
    /// which would shift line numbers against a cut on LF).
    static func hasLoneCR(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while let cr = line[index...].firstIndex(of: 0x0D) {
            let next = line.index(after: cr)
            if next == line.endIndex || line[next] != 0x0A { return true }
            index = next
        }
        return false
    }
}

/// Lines of a file read in blocks, each with its LF (the last may lack one).
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    mutating func next() -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let lineFeed = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[start...lineFeed]
                start = lineFeed + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            buffer.removeSubrange(0..<start)
            start = 0
            searchFrom = buffer.count
            if let block = try? handle.read(upToCount: 1 << 22), !block.isEmpty {
                buffer.append(contentsOf: block)
            } else {
                atEnd = true
            }
        }
    }
}
