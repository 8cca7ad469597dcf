import Foundation
import ThreadLensCore

/// The input formats of SPEC §2, chosen by file extension unless forced.
public enum InputFormat: String, Hashable, Sendable, CaseIterable {
    case text, jsonl, json, csv

    /// The format a path's extension implies (`.txt` → text …); nil when unknown.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "jsonl", "ndjson": self = .jsonl
        case "json": self = .json
        case "csv": self = .csv
        default: return nil
        }
    }

    /// Guesses the format of text with no file name (standard input): `[` → json; `{` → jsonl
    /// when the first line is a whole JSON value, else json; a first line of comma-separated
    /// names including `text` → csv; anything else → text.
    public static func sniff(_ text: String) -> InputFormat {
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("[") { return .json }
        if trimmed.hasPrefix("{") {
            let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r\n" }
            var parser = JSONParser(Array(firstLine.utf8))
            return (try? parser.parseDocument()) != nil ? .jsonl : .json
        }
        let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r\n" }
        let names = firstLine.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() }
        if names.count >= 2, names.contains("text") { return .csv }
        return .text
    }
}

/// A comment that could not be read, and why. Every input comment is either in a thread or here.
public struct SkippedComment: Hashable, Sendable {
    public var location: SourceLocation
    public var id: String?
    public var reason: String
    public init(location: SourceLocation, id: String?, reason: String) {
        self.location = location
        self.id = id
        self.reason = reason
    }
}

/// What reading one input gives: threads, diagnostics and skipped comments.
public struct ReadResult: Sendable {
    public var threads: [CommentThread]
    public var diagnostics: [Diagnostic]
    public var skipped: [SkippedComment]

    public init(threads: [CommentThread] = [], diagnostics: [Diagnostic] = [], skipped: [SkippedComment] = []) {
        self.threads = threads
        self.diagnostics = diagnostics
        self.skipped = skipped
    }

    /// Comments read, including the article `0` where there is one.
    public var commentCount: Int { threads.reduce(0) { $0 + $1.comments.count } }
}

/// A reader of one input format: decoded text in, threads out.
public protocol ThreadReader: Sendable {
    /// Reads `text` from `source` (a display path, `-` for standard input). `defaultThreadID`
    /// is the file name without extension, used where records name no thread.
    func read(_ text: String, source: String, defaultThreadID: ThreadID) -> ReadResult
}
