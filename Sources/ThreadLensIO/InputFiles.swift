import Foundation
import ThreadLensCore

/// Reads input files (or standard input, `-`) in any format of SPEC §2.
public enum InputFiles {
    /// Reads one input. Never throws: an unreadable or undecodable file comes back as an error
    /// diagnostic with no threads, so the other files of a run are still processed.
    ///
    /// - Parameters:
    ///   - format: forces the format; by default the file extension decides, and standard input
    ///     (`-`) is recognised from its content (an `input.format-guessed` note says which).
    ///   - boilerplate: the article boilerplate rules of the text format; pass
    ///     `BoilerplateRules.loadShipped().rules` for the shipped `models/boilerplate.tsv`.
    ///     With `.none` every article line is kept.
    public static func read(path: String, format: InputFormat? = nil, boilerplate: BoilerplateRules = .none) -> ReadResult {
        let source = path
        let bytes: Data
        if path == "-" {
            bytes = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return ReadResult(diagnostics: [.error("input.not-found", "no such file", at: SourceLocation(file: source, line: 1))])
            }
            if isDirectory.boolValue {
                return ReadResult(diagnostics: [.error("input.directory", "is a directory; name the files in it", at: SourceLocation(file: source, line: 1))])
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return ReadResult(diagnostics: [.error("input.unreadable", "cannot read the file", at: SourceLocation(file: source, line: 1))])
            }
            bytes = data
        }
        var diagnostics: [Diagnostic] = []
        let text = TextDecoding.decode(bytes, source: source, diagnostics: &diagnostics)
        let resolvedFormat: InputFormat
        if let format {
            resolvedFormat = format
        } else if path == "-" {
            resolvedFormat = InputFormat.sniff(text)
            diagnostics.append(Diagnostic(.note, "input.format-guessed", "standard input read as \(resolvedFormat.rawValue) (from its content; pass --input-format to force a format)", at: SourceLocation(file: source, line: 1)))
        } else if let implied = InputFormat(pathExtension: (path as NSString).pathExtension) {
            resolvedFormat = implied
        } else {
            return ReadResult(diagnostics: [.error("input.format", "cannot tell the input format from the file name; pass --input-format text|jsonl|json|csv", at: SourceLocation(file: source, line: 1))])
        }
        let threadID = ThreadID(path == "-" ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            diagnostics.append(.error("input.empty", "the file holds no text (expected a \(resolvedFormat.rawValue) thread)", at: SourceLocation(file: source, line: 1)))
            return ReadResult(diagnostics: diagnostics)
        }
        var result = reader(for: resolvedFormat, boilerplate: boilerplate).read(text, source: source, defaultThreadID: threadID)
        result.diagnostics.insert(contentsOf: diagnostics, at: 0)
        return result
    }

    /// The reader of a format (`boilerplate` is used by the text reader only).
    public static func reader(for format: InputFormat, boilerplate: BoilerplateRules = .none) -> any ThreadReader {
        switch format {
        case .text: return TextThreadReader(boilerplate: boilerplate)
        case .jsonl: return JSONLinesReader()
        case .json: return JSONThreadReader()
        case .csv: return CSVThreadReader()
        }
    }
}

/// Bytes to text: UTF-8 (with or without BOM) and UTF-16 with BOM; invalid UTF-8 is replaced
/// with U+FFFD and reported with the line it is on.
public enum TextDecoding {
    public static func decode(_ data: Data, source: String, diagnostics: inout [Diagnostic]) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let text = String(data: Data(bytes), encoding: .utf16) { return text }
        }
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        // Report each line holding invalid UTF-8, then decode with replacement.
        var line = 1, start = 0
        var reported = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            let slice = Array(bytes[start..<i])
            if String(validating: slice, as: UTF8.self) == nil, reported < 20 {
                diagnostics.append(.warning("input.invalid-utf8", "invalid UTF-8 replaced with U+FFFD", at: SourceLocation(file: source, line: line)))
                reported += 1
            }
            line += 1
            start = i + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
