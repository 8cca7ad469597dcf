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
    ///   - encoding: how bytes become text (`TextDecoding`); by default Unicode encodings only.
    ///     Pass one with a `CharsetConverter` (the umbrella module's `InputEncoding.icu()`) to
    ///     read GB18030, Big5, Windows-1252 … scrapes.
    ///
    /// After decoding, control, bidirectional-formatting and invisible characters are removed
    /// and reported (`InvisibleCharacters`), in the raw text and in fields decoded from escapes.
    public static func read(path: String, format: InputFormat? = nil, boilerplate: BoilerplateRules = .none, encoding: InputEncoding = .unicodeOnly) -> ReadResult {
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
        let format = format ?? (path == "-" ? nil : InputFormat(pathExtension: (path as NSString).pathExtension))
        if format == nil, path != "-" {
            return ReadResult(diagnostics: [.error("input.format", "cannot tell the input format from the file name; pass --input-format text|jsonl|json|csv", at: SourceLocation(file: source, line: 1))])
        }
        return read(data: bytes, source: source, format: format, threadID: defaultThreadID(forPath: path), boilerplate: boilerplate, encoding: encoding)
    }

    /// The thread of records that name none: the file name without its extension (`stdin`
    /// for standard input).
    public static func defaultThreadID(forPath path: String) -> ThreadID {
        ThreadID(path == "-" ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
    }

    /// Reads input already in memory: decodes `data` (see `TextDecoding`), removes what is not
    /// text (`InvisibleCharacters`) and reads it as `format`, or as the format its content
    /// suggests when nil (an `input.format-guessed` note says which). Never throws.
    ///
    /// `firstLine` (JSON Lines only): the line number of the data's first line, for a piece of a
    /// large file (`JSONLinesPieces`); such a piece must be valid UTF-8 without a byte order mark.
    public static func read(data: Data, source: String, format: InputFormat?, threadID: ThreadID,
                            boilerplate: BoilerplateRules = .none, encoding: InputEncoding = .unicodeOnly, firstLine: Int = 1) -> ReadResult {
        var diagnostics: [Diagnostic] = []
        guard let decoded = TextDecoding.decode(data, source: source, encoding: encoding, diagnostics: &diagnostics) else {
            return ReadResult(diagnostics: diagnostics)
        }
        let text = InvisibleCharacters.clean(input: decoded, source: source, firstLine: firstLine, diagnostics: &diagnostics)
        let resolvedFormat: InputFormat
        if let format {
            resolvedFormat = format
        } else {
            resolvedFormat = InputFormat.sniff(text)
            diagnostics.append(Diagnostic(.note, "input.format-guessed", "\(source == "-" ? "standard input" : source) read as \(resolvedFormat.rawValue) (from its content; pass --input-format to force a format)", at: SourceLocation(file: source, line: 1)))
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            diagnostics.append(.error("input.empty", "the file holds no text (expected a \(resolvedFormat.rawValue) thread)", at: SourceLocation(file: source, line: 1)))
            return ReadResult(diagnostics: diagnostics)
        }
        let reader = resolvedFormat == .jsonl ? JSONLinesReader(firstLine: firstLine) : reader(for: resolvedFormat, boilerplate: boilerplate)
        var result = reader.read(text, source: source, defaultThreadID: threadID)
        InvisibleCharacters.clean(&result)
        result.diagnostics.insert(contentsOf: diagnostics, at: 0)
        if result.commentCount == 0, result.skipped.isEmpty, !result.diagnostics.hasErrors {
            // Nothing read and nothing wrong said: say so, so an empty run is never a mystery.
            result.diagnostics.append(.warning("input.no-comments", "no comments found (expected at least one \(resolvedFormat.rawValue) comment record)",
                                               at: SourceLocation(file: source, line: 1)))
        }
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
