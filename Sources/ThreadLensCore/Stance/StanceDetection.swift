/// Decides each comment's stance toward its parent (toward the article for a top-level
/// comment): agreement and disagreement cues (`stance.tsv`), each flipped by a negator just
/// before it, plus the relation of the comment's claims to the parent's. A claim about the same
/// (type, subject, region) with the same value agrees, with the opposite value disagrees; claims
/// about sellers in general (`*`) or an unresolved subject (`?`) relate to nothing. The weighted
/// sum decides: above zero agree, below zero disagree, zero none.
public struct StanceDetection: AnalysisStage {
    public let model: StanceModel
    public init(model: StanceModel) { self.model = model }

    public var name: String { "StanceDetection" }
    public var reads: Set<AnalysisField> { [.tokens, .claims] }
    public var writes: Set<AnalysisField> { [.stance] }

    public func apply(to thread: inout AnalyzedThread) {
        let byID = thread.indexByID()
        let article = thread.comments.firstIndex { $0.comment.isArticle }
        for index in thread.comments.indices {
            let comment = thread.comments[index]
            if comment.comment.isArticle {
                thread.comments[index].stance = .none
                continue
            }
            let parent = comment.comment.parent.flatMap { byID[$0] }
            let target = parent ?? article
            // An answer to a question ("Yes, …") is no agreement: start cues do not count then.
            let answersQuestion = target.map { isQuestion(thread.comments[$0].text) } ?? false
            // Restating the article's facts is not taking a side: claims weigh less toward it.
            let towardArticle = target.map { thread.comments[$0].comment.isArticle } ?? false
            let claimWeight = towardArticle ? model.articleClaimWeight : model.claimWeight
            let score = cueScore(comment.text, startCues: !answersQuestion)
                + claimWeight * claimRelation(comment.claims, target.map { thread.comments[$0].claims } ?? [])
            thread.comments[index].stance = score > 0 ? .agree : (score < 0 ? .disagree : .none)
        }
    }

    /// The weighted sum of the cues in `text` (agree +, disagree −); `start` cues only with
    /// `startCues`.
    public func cueScore(_ text: TokenizedText, startCues: Bool = true) -> Double {
        let units = UnitText(text)
        guard units.count > 0 else { return 0 }
        let quoted = quotedUnits(text, units)
        let questions = questionUnits(units)
        let matches = model.cues.scan(units, anywhere: true) { range, _ in !range.contains { quoted[$0] || questions[$0] } }
        let covered = Set(matches.flatMap { Array($0.units) })
        // How many words (quoted lines aside) come before each unit.
        var wordsBefore = Array(repeating: 0, count: units.count + 1)
        for (u, unit) in units.units.enumerated() {
            wordsBefore[u + 1] = wordsBefore[u] + (!quoted[u] && unit.isWordLike ? 1 : 0)
        }
        var score = 0.0
        for match in matches {
            let start = match.units.lowerBound
            if match.value.position == .start, !startCues || wordsBefore[start] >= model.startWords { continue }
            var sign: Double = match.value.stance == .agree ? 1 : -1
            let window = max(0, start - model.negationWindow)..<start
            let negated = window.contains { u in
                !covered.contains(u) && model.negators.longestMatch(in: units.units, from: u, limit: start) != nil
            }
            if negated { sign = -sign }
            score += sign * model.cueWeight
        }
        return score
    }

    /// +1 when the claims agree with the target's on more (type, subject, region) than they
    /// contradict, −1 when the other way round, 0 otherwise. A claim the target also makes agrees
    /// even when the target asserts the opposite elsewhere (some orders shipped, some did not).
    public func claimRelation(_ claims: [Claim], _ targetClaims: [Claim]) -> Double {
        var agree = 0, disagree = 0
        for claim in claims where claim.subject != "*" && claim.subject != "?" {
            let related = targetClaims.filter { $0.type == claim.type && $0.subject == claim.subject && $0.region == claim.region }
            if related.contains(where: { $0.value == claim.value }) { agree += 1 } else if !related.isEmpty { disagree += 1 }
        }
        return agree > disagree ? 1 : (disagree > agree ? -1 : 0)
    }

    /// The claim relation weighted by `claim-weight` (the weight toward a parent comment).
    public func claimScore(_ claims: [Claim], _ targetClaims: [Claim]) -> Double {
        model.claimWeight * claimRelation(claims, targetClaims)
    }

    /// Whether the last sentence of `text` asks.
    private func isQuestion(_ text: TokenizedText) -> Bool {
        let units = UnitText(text)
        guard let last = units.sentences.last(where: { !$0.isEmpty }) else { return false }
        return questionUnits(units)[last.upperBound - 1]
    }

    private func quotedUnits(_ text: TokenizedText, _ units: UnitText) -> [Bool] {
        var quoted = Array(repeating: false, count: units.count)
        guard !model.quoteLines.isEmpty else { return quoted }
        var offset = 0
        for line in text.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if model.quoteLines.contains(where: { trimmed.hasPrefix($0) }) {
                for (u, unit) in units.units.enumerated() where (offset..<(offset + length)).contains(unit.range.lowerBound) { quoted[u] = true }
            }
            offset += length + 1
        }
        return quoted
    }

    /// Units of sentences that end with a question mark: a question signals no stance.
    private func questionUnits(_ units: UnitText) -> [Bool] {
        var question = Array(repeating: false, count: units.count)
        for sentence in units.sentences where !sentence.isEmpty {
            var last = sentence.upperBound - 1
            while last > sentence.lowerBound, units.units[last].kind == .emoji || units.units[last].kind == .symbol { last -= 1 }
            if model.questionMarks.contains(units.units[last].key) { for u in sentence { question[u] = true } }
        }
        return question
    }
}
