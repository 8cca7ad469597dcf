import Foundation

/// Changes to the model pack for one run, without copying the pack: partial packs laid over it
/// (`--models DIR`) and overlay files (`--lexicon FILE`).
///
/// - A **partial pack** is a directory shaped like `models/`: every file it holds replaces the
///   pack's file at the same relative path; every file it lacks comes from the pack.
/// - An **overlay file** is a model file whose line 1 names the format it extends
///   (`#! format: sentiment-lexicon/1`). Its entries are added to the entries of every pack file
///   of that format: an entry with the same key as a pack entry (the term of a lexicon, the alias
///   of a gazetteer, the kind and cue of a rule list, the id of a claim rule) replaces it, and an
///   entry whose last column is a lone `-` after its key removes it. Overlays apply in the order
///   given; among overlays too the later entry wins. The key columns of each format are listed in
///   `ModelFormats`.
///
/// Every diagnostic about an overlay entry carries the overlay's own path and line.
public struct ModelOverlays: Hashable, Sendable {
    /// Partial packs, searched in order before the pack itself (paths as the user gave them).
    public var directories: [String]
    /// Overlay files, applied in order (paths as the user gave them).
    public var files: [String]

    public init(directories: [String] = [], files: [String] = []) {
        self.directories = directories
        self.files = files
    }

    /// No overlays: the pack as shipped.
    public static let none = ModelOverlays()

    public var isEmpty: Bool { directories.isEmpty && files.isEmpty }

    /// The marker that, in the column after an entry's key, removes the entry.
    public static let removalMarker = "-"
}

/// A model file as the loader found it: which part asked for it, in what format, and where it
/// came from (the pack, a partial pack, or nowhere).
public struct ModelFileRead: Sendable {
    public enum Origin: Hashable, Sendable {
        /// The pack's own file.
        case pack
        /// A partial pack's file, replacing the pack's.
        case partialPack(String)
        /// Neither has it.
        case missing
    }

    /// The path relative to the models directory (`sentiment/en/valence.tsv`).
    public var relativePath: String
    /// The format the part asked for.
    public var format: String
    /// The path as diagnostics show it.
    public var displayPath: String
    public var origin: Origin
    /// The file as the part received it (overlays applied); `nil` when it could not be read.
    public var file: DataFile?
}

/// One entry of a model file for overlay purposes: one record, or a block of records (a claim
/// rule with its patterns and examples), with its key.
struct OverlayEntry {
    /// The normalised key (equal keys denote the same entry).
    var key: String
    /// The key as written, for messages.
    var display: String
    var records: [DataRecord]
    /// Whether the entry removes the entries with its key (its last column is `-`).
    var removes: Bool
    /// The values after the key, for conflict checks (the removal marker and any override flag excluded).
    var value: String
    /// Whether the entry carries the format's override flag.
    var overrides: Bool

    var location: SourceLocation { records[0].location() }
}

/// An overlay file, parsed in its own declared format.
struct OverlayFile {
    var path: String
    var file: DataFile
    var format: ModelFormat
    var entries: [OverlayEntry] = []
    /// Whether the entries have been computed (needs the loader's tokenizer, done on first use).
    var prepared = false
}

extension ModelLoader {
    /// Splits records into entries with their keys (see `ModelOverlays`). With `candidates`,
    /// only entries whose rough key (`roughKey`) is among them get their exact key; the others
    /// get a key no exact key equals — tokenizing every entry of a large lexicon is slow.
    func entries(of records: [DataRecord], format: ModelFormat, candidates: Set<String>? = nil) -> [OverlayEntry] {
        var entries: [OverlayEntry] = []
        for record in records {
            let kind = record.field(0)
            if let keyword = format.blockKeyword, kind != keyword, let last = entries.last,
               last.records.first?.field(0) == keyword, !last.removes {
                // A line inside a block (a rule's pattern or example) belongs to the block.
                entries[entries.count - 1].records.append(record)
                continue
            }
            if let candidates {
                let rough = roughKey(of: record, format: format)
                if !candidates.contains(rough) {
                    var entry = OverlayEntry(key: "\u{0}" + rough, display: "", records: [record], removes: false, value: "", overrides: false)
                    entry.display = record.field(format.keyColumns(for: record.fields).first ?? 0) ?? ""
                    entries.append(entry)
                    continue
                }
            }
            entries.append(entry(for: record, format: format))
        }
        return entries
    }

    /// A key cheap to compute that equal exact keys share: each key column folded as one piece
    /// (NFKC case fold), white space removed.
    func roughKey(of record: DataRecord, format: ModelFormat) -> String {
        let terms = Set(format.termColumns(for: record.fields))
        return format.keyColumns(for: record.fields).map { column -> String in
            let text = column < record.fields.count ? record.fields[column].trimmedOfSpaces() : ""
            guard terms.contains(column) else { return text }
            return String(tokenizer.lookupKey(of: text).unicodeScalars.filter { !$0.properties.isWhitespace })
        }.joined(separator: "\u{1F}")
    }

    /// The entry one record starts.
    func entry(for record: DataRecord, format: ModelFormat) -> OverlayEntry {
        let fields = record.fields.map { $0.trimmedOfSpaces() }
        let keyColumns = format.keyColumns(for: record.fields)
        let terms = Set(format.termColumns(for: record.fields))
        var keyParts: [String] = []
        var displayParts: [String] = []
        for column in keyColumns {
            let text = column < fields.count ? fields[column] : ""
            displayParts.append(text)
            if terms.contains(column) {
                let units = self.units(of: text)
                keyParts.append(units.isEmpty ? text.lowercased() : units.joined(separator: " "))
            } else {
                keyParts.append(text)
            }
        }
        let lastKeyColumn = keyColumns.max() ?? 0
        let removes = fields.count > lastKeyColumn + 1 && fields.last == ModelOverlays.removalMarker
        var valueColumns = Array(fields.indices).filter { !keyColumns.contains($0) }
        if removes { valueColumns.removeLast() }
        if let flag = format.overrideFlag { valueColumns.removeAll { $0 == flag.column && flag.values.contains(fields[$0]) } }
        // Trailing empty columns say nothing.
        while let last = valueColumns.last, fields[last].isEmpty { valueColumns.removeLast() }
        return OverlayEntry(key: keyParts.joined(separator: "\u{1F}"), display: displayParts.filter { !$0.isEmpty }.joined(separator: " "),
                            records: [record], removes: removes,
                            value: valueColumns.map { fields[$0] }.joined(separator: "\t"), overrides: format.overrides(record.fields))
    }
}
