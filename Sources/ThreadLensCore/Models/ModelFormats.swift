/// What the generic model machinery (overlays, `lint`) needs to know about each model format:
/// which columns identify an entry, which columns hold text matched against comments, and how
/// records group into blocks.
///
/// The loaders own their formats' meaning; this table only describes their shape, so overlays
/// can replace or remove an entry and `lint` can check entries without knowing what they mean.
/// A format missing here still loads and still takes overlays (keyed by its first column);
/// `lint` notes it so the table keeps up with the loaders.
public struct ModelFormat: Hashable, Sendable {
    /// The name on a file's `#! format:` line.
    public var name: String
    /// The columns (0-based) whose values identify an entry: an overlay record with the same
    /// key replaces the entry, and two entries with the same key and different values conflict.
    public var keyColumns: [Int]
    /// Key columns for records whose first column is a given kind (a claim rule is keyed by
    /// `rule` and its id, an `examples-brand` line by its keyword alone).
    public var keyColumnsByKind: [String: [Int]]
    /// The columns that hold text matched against comments (lexicon terms, aliases, cues).
    public var termColumns: [Int]
    /// Kinds (first column) whose records hold no term (a `setting` line's name is not text).
    public var kindsWithoutTerms: Set<String>
    /// Kinds (first column) whose term is compared with the text as written, case and all.
    public var caseSensitiveKinds: Set<String>
    /// A column whose value makes the term case-sensitive (`exact` in the region gazetteer).
    public var caseSensitiveFlag: (column: Int, value: String)?
    /// Column values with which an entry deliberately overrides an earlier one of the same key
    /// (`override` or `brand` in a sentiment lexicon), so a different value there is no conflict.
    public var overrideFlag: (column: Int, values: Set<String>)?
    /// Records whose first column is this keyword start a block that runs to the next one (a
    /// claim rule with its patterns and examples); a block is replaced or removed as a whole.
    public var blockKeyword: String?

    public init(_ name: String, key keyColumns: [Int], keyByKind: [String: [Int]] = [:], terms termColumns: [Int] = [],
                kindsWithoutTerms: Set<String> = [], caseSensitiveKinds: Set<String> = [],
                caseSensitiveFlag: (column: Int, value: String)? = nil, overrideFlag: (column: Int, values: Set<String>)? = nil,
                blockKeyword: String? = nil) {
        self.name = name
        self.keyColumns = keyColumns
        self.keyColumnsByKind = keyByKind
        self.termColumns = termColumns
        self.kindsWithoutTerms = kindsWithoutTerms
        self.caseSensitiveKinds = caseSensitiveKinds
        self.caseSensitiveFlag = caseSensitiveFlag
        self.overrideFlag = overrideFlag
        self.blockKeyword = blockKeyword
    }

    /// The key columns of a record with these fields.
    public func keyColumns(for fields: [String]) -> [Int] {
        if let kind = fields.first?.trimmedOfSpaces(), let columns = keyColumnsByKind[kind] { return columns }
        return keyColumns
    }

    /// The term columns of a record with these fields.
    public func termColumns(for fields: [String]) -> [Int] {
        if let kind = fields.first?.trimmedOfSpaces(), kindsWithoutTerms.contains(kind) { return [] }
        return termColumns.filter { $0 < fields.count }
    }

    /// Whether the term in `column` of a record with these fields is compared case-sensitively.
    public func isCaseSensitive(column: Int, fields: [String]) -> Bool {
        if let kind = fields.first?.trimmedOfSpaces(), caseSensitiveKinds.contains(kind) { return true }
        if let flag = caseSensitiveFlag, flag.column < fields.count,
           fields[flag.column].trimmedOfSpaces() == flag.value { return true }
        return false
    }

    /// Whether a record with these fields carries the override flag.
    public func overrides(_ fields: [String]) -> Bool {
        guard let flag = overrideFlag, flag.column < fields.count else { return false }
        return flag.values.contains(fields[flag.column].trimmedOfSpaces())
    }

    public static func == (a: ModelFormat, b: ModelFormat) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// The shapes of the shipped model formats (documented one by one in `models/README.md`).
public enum ModelFormats {
    public static let all: [ModelFormat] = [
        ModelFormat("gazetteer", key: [1], terms: [1]),
        ModelFormat("reseller-gazetteer", key: [1], terms: [1]),
        ModelFormat("platform-gazetteer", key: [1], terms: [1]),
        ModelFormat("region-gazetteer", key: [1], terms: [1], caseSensitiveFlag: (2, "exact")),
        ModelFormat("seller-cues", key: [0, 1], terms: [1, 2]),
        ModelFormat("sentiment-index", key: [0, 1]),
        ModelFormat("sentiment-settings", key: [0]),
        ModelFormat("sentiment-lexicon", key: [0], terms: [0], overrideFlag: (2, ["override", "brand"])),
        ModelFormat("sentiment-rules", key: [0, 1], terms: [1]),
        ModelFormat("sentiment-targets", key: [0], terms: [0]),
        ModelFormat("topic-cues", key: [0, 1], terms: [1]),
        ModelFormat("topic-settings", key: [0]),
        ModelFormat("topic-context", key: [0], terms: [0]),
        ModelFormat("claim-types", key: [0]),
        ModelFormat("claim-cues", key: [0, 1], terms: [1], kindsWithoutTerms: ["setting"], caseSensitiveKinds: ["quote-line"]),
        ModelFormat("claim-rules", key: [0], keyByKind: ["rule": [0, 1]], blockKeyword: "rule"),
        ModelFormat("stance-cues", key: [0, 1], terms: [1], kindsWithoutTerms: ["setting"], caseSensitiveKinds: ["quote-line"]),
        ModelFormat("boilerplate", key: [0, 1]),
    ]

    /// The shape of format `name`, or `nil` when the table does not describe it.
    public static func named(_ name: String) -> ModelFormat? {
        all.first { $0.name == name }
    }

    /// The shape used for a format the table does not describe: keyed by its first column.
    public static func fallback(_ name: String) -> ModelFormat {
        ModelFormat(name, key: [0])
    }
}
