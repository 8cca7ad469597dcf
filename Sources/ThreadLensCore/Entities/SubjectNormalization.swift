/// Subject normalisation (SPEC §4) and the spelling distance used to meet typos with names seen
/// elsewhere in a thread.
public enum SubjectName {
    /// Normalises a reseller name: Latin letters lower-cased, digits kept, Han characters kept,
    /// everything else dropped (`Xiaomi World` → `xiaomiworld`, `小陳3C` → `小陳3c`).
    /// Fullwidth forms are expected to be folded already (token keys are NFKC case-folded).
    public static func normalize<S: StringProtocol>(_ name: S) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(name.unicodeScalars.count)
        for scalar in name.unicodeScalars {
            if isLatinLetter(scalar) {
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                result.unicodeScalars.append(scalar)
            } else if isHan(scalar) {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for letters of the Latin script (Basic Latin, Latin-1, Latin Extended A/B and
    /// Additional).
    public static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard scalar.properties.isAlphabetic else { return false }
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
            || (0x1E00...0x1EFF).contains(v)
    }

    /// True for Han ideographs (CJK Unified Ideographs and extensions, compatibility ideographs).
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3134F).contains(v)
            || (0xF900...0xFAFF).contains(v) || v == 0x3007
    }

    /// The Levenshtein distance between two names, counted in characters; stops early (returns
    /// `limit + 1`) once the distance must exceed `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit == .max ? abs(x.count - y.count) : limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// How many edits a name of `length` characters may be away from another and still be a
    /// spelling of it: none below 6 characters (short names collide), one up to 9, two above.
    public static func allowedTypos(forLength length: Int) -> Int {
        length < 6 ? 0 : (length < 10 ? 1 : 2)
    }
}
