import Foundation
import ThreadLensCore

/// What a model change did to a corpus: the comments whose sentiment label, topics or claims
/// differ between two runs (`threadlens diff`), each change judged against the gold annotation
/// when there is one.
public struct ModelDiff: Hashable, Sendable {
    /// One comment that changed.
    public struct Change: Hashable, Sendable {
        public var key: CommentKey
        public var location: SourceLocation?
        /// `nil` when the label did not change.
        public var sentiment: (before: String, after: String)?
        public var topicsAdded: [String]
        public var topicsRemoved: [String]
        public var claimsAdded: [ClaimTuple]
        public var claimsRemoved: [ClaimTuple]
        /// The comment's gold annotation, when a gold file annotates it.
        public var gold: GoldAnnotation?

        public static func == (a: Change, b: Change) -> Bool {
            a.key == b.key && a.sentiment?.before == b.sentiment?.before && a.sentiment?.after == b.sentiment?.after
                && a.topicsAdded == b.topicsAdded && a.topicsRemoved == b.topicsRemoved
                && a.claimsAdded == b.claimsAdded && a.claimsRemoved == b.claimsRemoved && a.gold == b.gold
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(key) }

        /// Whether each part of the change moved toward the gold (`true`), away from it
        /// (`false`), or neither (`nil`: no gold, or a null gold label).
        public var sentimentVerdict: Bool? {
            guard let sentiment, let label = gold?.sentiment else { return nil }
            if sentiment.after == label { return true }
            if sentiment.before == label { return false }
            return nil
        }
    }

    public var changes: [Change]
    /// Comments compared (present in both runs).
    public var compared: Int

    /// Compares two runs over the same threads; `gold` judges the changes.
    public init(before: PredictionSet, after: PredictionSet, gold: GoldSet = GoldSet(), taxonomy: GoldTaxonomy = .standard) {
        var goldIndex: [CommentKey: GoldAnnotation] = [:]
        for annotation in gold.annotations { goldIndex[annotation.key] = annotation }
        func tuples(_ claims: [ClaimTuple]) -> Set<ClaimTuple> {
            Set(claims.map { ClaimTuple.normalized(type: $0.type, subject: $0.subject, value: $0.value, region: $0.region, taxonomy: taxonomy) })
        }
        var changes: [Change] = []
        var compared = 0
        for old in before.predictions {
            guard let new = after.prediction(for: old.key) else { continue }
            compared += 1
            let sentiment = old.sentiment != new.sentiment ? (old.sentiment ?? "none", new.sentiment ?? "none") : nil
            let oldTopics = Set(old.topics), newTopics = Set(new.topics)
            let oldClaims = tuples(old.claims), newClaims = tuples(new.claims)
            guard sentiment != nil || oldTopics != newTopics || oldClaims != newClaims else { continue }
            changes.append(Change(key: old.key, location: old.location ?? new.location, sentiment: sentiment,
                                  topicsAdded: newTopics.subtracting(oldTopics).sorted(), topicsRemoved: oldTopics.subtracting(newTopics).sorted(),
                                  claimsAdded: newClaims.subtracting(oldClaims).sorted(), claimsRemoved: oldClaims.subtracting(newClaims).sorted(),
                                  gold: goldIndex[old.key]))
        }
        self.changes = changes
        self.compared = compared
    }

    public static func == (a: ModelDiff, b: ModelDiff) -> Bool { a.changes == b.changes && a.compared == b.compared }
    public func hash(into hasher: inout Hasher) { hasher.combine(changes) }

    /// The readable listing: per changed comment, `before → after` for each part that changed,
    /// with ✓ where the change agrees with the gold and ✗ where it goes against it.
    public func rendered(texts: [CommentKey: String] = [:]) -> [String] {
        var lines: [String] = []
        for change in changes {
            var head = "\(change.key)"
            if let location = change.location { head += " (\(location))" }
            if let text = texts[change.key] {
                let flat = text.replacingOccurrences(of: "\n", with: " ")
                head += ": \"" + (flat.count > 80 ? String(flat.prefix(77)) + "…" : flat) + "\""
            }
            lines.append(head)
            if let sentiment = change.sentiment {
                var line = "  sentiment: \(sentiment.before) → \(sentiment.after)"
                if let gold = change.gold?.sentiment {
                    line += "  [gold \(gold)\(Self.mark(change.sentimentVerdict))]"
                }
                lines.append(line)
            }
            if !change.topicsAdded.isEmpty || !change.topicsRemoved.isEmpty {
                let gold = change.gold.map { Set($0.topics) }
                let parts = change.topicsAdded.map { topic in "+" + topic + Self.mark(gold?.contains(topic)) }
                    + change.topicsRemoved.map { topic in "−" + topic + Self.mark(gold.map { !$0.contains(topic) }) }
                var line = "  topics: " + parts.joined(separator: " ")
                if let gold { line += "  [gold \(gold.isEmpty ? "none" : gold.sorted().joined(separator: " "))]" }
                lines.append(line)
            }
            if !change.claimsAdded.isEmpty || !change.claimsRemoved.isEmpty {
                let gold = change.gold.map { Set($0.claims) }
                for claim in change.claimsAdded {
                    lines.append("  claim: +\(claim)" + Self.mark(claim.isUnresolved ? nil : gold?.contains(claim)))
                }
                for claim in change.claimsRemoved {
                    lines.append("  claim: −\(claim)" + Self.mark(claim.isUnresolved ? nil : gold.map { !$0.contains(claim) }))
                }
                if let gold {
                    lines.append("    [gold claims: \(gold.isEmpty ? "none" : gold.sorted().map(\.description).joined(separator: "; "))]")
                }
            }
        }
        return lines
    }

    /// ` ✓` when the change agrees with the gold, ` ✗` when not, nothing without gold.
    private static func mark(_ agrees: Bool?) -> String {
        guard let agrees else { return "" }
        return agrees ? " ✓" : " ✗"
    }
}
