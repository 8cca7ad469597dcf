/// Finds who a claim is about: the names in a slot, the nearest fitting mention before the match,
/// or, for anaphors ("they", "both of those shops", "他家") and claims with no subject in their
/// sentence, the latest fitting names earlier in the comment, then in the parent chain.
struct SubjectResolver {
    let views: [CommentView]
    /// Each comment's ancestors, nearest first (the article last for a thread with one).
    let chains: [[Int]]
    let model: ClaimModel
    let brand: String
    /// Per comment and claim type: for each `k`, the latest mention among the first `k` that can
    /// be a subject of that type (not an anaphor, not in predicate position), or -1. Computed
    /// once, so finding the context subject is constant time however long the comment is.
    private let latestFitting: [[String: [Int]]]

    init(views: [CommentView], chains: [[Int]], model: ClaimModel, brand: String) {
        self.views = views
        self.chains = chains
        self.model = model
        self.brand = brand
        let types = Array(model.types.values)
        latestFitting = views.map { view in
            var table: [String: [Int]] = [:]
            for type in types {
                var latest = [-1]
                latest.reserveCapacity(view.mentions.count + 1)
                for (index, mention) in view.mentions.enumerated() {
                    let fitting = mention.kind != .anaphor && !mention.isPredicate && Self.fits(mention.kind, type)
                    latest.append(fitting ? index : latest[latest.count - 1])
                }
                table[type.name] = latest
            }
            return table
        }
    }

    /// The subject kinds a mention may stand for in a claim of `type`.
    private static func fits(_ kind: CommentView.MentionKind, _ type: ClaimType) -> Bool {
        guard let subject = kind.subjectKind else { return false }
        return type.subjects.contains(subject)
    }

    /// The subject id of a mention that fits (a store stands for its brand).
    private func subjectID(of mention: CommentView.Mention) -> String {
        mention.id
    }

    /// The type's subject when nothing was found.
    func defaultSubject(of type: ClaimType) -> String {
        switch type.defaultSubject {
        case .unresolved: return "?"
        case .generic: return "*"
        case .brand: return brand
        }
    }

    /// The subjects named by the members of a slot, anaphors resolved; `nil` when the slot holds
    /// nothing that can be this type's subject (the brand's own store for a legitimacy claim), an
    /// empty list when it holds only anaphors that could not be resolved.
    func subjects(of members: [Int], in comment: Int, type: ClaimType) -> [String]? {
        var result: [String] = []
        var sawAnaphor = false
        for member in members {
            let mention = views[comment].mentions[member]
            if mention.kind == .anaphor {
                sawAnaphor = true
                result += contextSubjects(before: mention.units.lowerBound, in: comment, type: type)
            } else if Self.fits(mention.kind, type) {
                result.append(subjectID(of: mention))
            }
        }
        if result.isEmpty { return sawAnaphor ? [] : nil }
        return unique(result)
    }

    /// The nearest fitting mention (or anaphor) before `position` in the same sentence, within
    /// the subject distance, with the list it belongs to. Seller nouns in predicate position are
    /// passed over.
    func nearSubject(before position: Int, sentence: Range<Int>, in comment: Int, type: ClaimType) -> (ids: [String], units: Range<Int>)? {
        // A brand's availability is about the brand named in the same clause, if any; a brand
        // named earlier in the sentence ("without Google services. A US launch…") is not it.
        let sentence = type.isAboutBrand ? views[comment].clauseStart(of: min(max(position - 1, sentence.lowerBound), sentence.upperBound - 1))..<sentence.upperBound : sentence
        let view = views[comment]
        for index in (0..<view.mentionsEnding(atOrBefore: position)).reversed() {
            let mention = view.mentions[index]
            guard mention.units.lowerBound >= sentence.lowerBound,
                  position - mention.units.upperBound <= model.cues.subjectDistance else { return nil }
            guard !mention.isPredicate, mention.kind == .anaphor || Self.fits(mention.kind, type) else { continue }
            if isHostedPlatform(index, in: view, sentence: sentence, type: type) { continue }
            if let host = hostingPlatform(of: index, in: view, sentence: sentence) {
                return ([subjectID(of: view.mentions[host])], view.mentions[host].units.lowerBound..<mention.units.upperBound)
            }
            if mention.kind == .anaphor {
                let ids = contextSubjects(before: mention.units.lowerBound, in: comment, type: type)
                return ids.isEmpty ? nil : (ids, mention.units)
            }
            let group = view.groupContaining(index, kinds: fittingKinds(type), model: model)
            let units = view.mentions[group.first!].units.lowerBound..<view.mentions[group.last!].units.upperBound
            return (unique(group.map { subjectID(of: view.mentions[$0]) }), units)
        }
        return nil
    }

    /// Whether mention `index` is a platform hosting the fitting seller named just before it
    /// ("the POCO Global Store on AliExpress", a `host` cue between them).
    private func isHostedPlatform(_ index: Int, in view: CommentView, sentence: Range<Int>, type: ClaimType) -> Bool {
        let mention = view.mentions[index]
        guard mention.kind == .platform, index > 0, mention.units.lowerBound > 0,
              model.cues.hosts.contains(view.units.units[mention.units.lowerBound - 1].key) else { return false }
        let previous = view.mentions[index - 1]
        return previous.units.lowerBound >= sentence.lowerBound && previous.units.upperBound + 3 >= mention.units.lowerBound
            && previous.kind != .platform && previous.kind != .region && !previous.isPredicate && Self.fits(previous.kind, type)
    }

    /// The platform whose sellers the generic seller mention `index` names ("拼多多的商家",
    /// "拼多多上那些卖家", SPEC §4: a platform's sellers take the platform's id): a platform at
    /// most three units before it in the same clause, not listed beside it.
    private func hostingPlatform(of index: Int, in view: CommentView, sentence: Range<Int>) -> Int? {
        let mention = view.mentions[index]
        guard mention.kind == .generic, index > 0 else { return nil }
        let previous = view.mentions[index - 1]
        guard previous.kind == .platform, !previous.isPredicate, previous.units.lowerBound >= sentence.lowerBound,
              previous.units.upperBound <= mention.units.lowerBound,
              mention.units.lowerBound - previous.units.upperBound <= 3,
              view.clauseStart(of: mention.units.lowerBound) <= previous.units.lowerBound,
              !view.groupContaining(index, kinds: [.platform, .generic], model: model).contains(index - 1) else { return nil }
        return index - 1
    }

    /// The mention kinds that can be a subject of `type`.
    private func fittingKinds(_ type: ClaimType) -> Set<CommentView.MentionKind> {
        Set([CommentView.MentionKind.reseller, .platform, .store, .brand, .generic].filter { Self.fits($0, type) })
    }

    /// Whether the nearest subject-like mention before `position` in the sentence (an anaphor
    /// resolved) is a seller rather than a brand: "they ship to the US" says nothing about where
    /// the brand sells when "they" is a shop.
    func sellerIsNear(before position: Int, sentence: Range<Int>, in comment: Int) -> Bool {
        let view = views[comment]
        let sellers: Set<CommentView.MentionKind> = [.reseller, .platform, .generic]
        for mention in view.mentions[..<view.mentionsEnding(atOrBefore: position)].reversed() where mention.kind != .region && !mention.isPredicate {
            guard mention.units.lowerBound >= sentence.lowerBound, position - mention.units.upperBound <= model.cues.subjectDistance else { return false }
            if mention.kind == .anaphor {
                return antecedentKind(before: mention.units.lowerBound, in: comment).map { sellers.contains($0) } ?? false
            }
            return sellers.contains(mention.kind)
        }
        return false
    }

    /// The kind of what an anaphor at `position` most likely refers to: the latest seller or
    /// brand mention earlier in the comment, else in the parent.
    private func antecedentKind(before position: Int, in comment: Int) -> CommentView.MentionKind? {
        let candidates: Set<CommentView.MentionKind> = [.reseller, .platform, .generic, .brand, .store]
        let view = views[comment]
        if let mention = view.mentions[..<view.mentionsEnding(atOrBefore: position)].last(where: { candidates.contains($0.kind) && !$0.isPredicate }) {
            return mention.kind
        }
        if let parent = chains[comment].first {
            // The parent's main party: sellers or the brand, whichever it names more.
            let mentions = views[parent].mentions.filter { candidates.contains($0.kind) && !$0.isPredicate }
            let sellers = mentions.filter { $0.kind == .reseller || $0.kind == .platform || $0.kind == .generic }.count
            guard !mentions.isEmpty else { return nil }
            return sellers > mentions.count - sellers ? .reseller : .brand
        }
        return nil
    }

    /// What an anaphor at `position` refers to: the latest fitting list earlier in the comment,
    /// else the nearest ancestor that names a fitting subject. From an ancestor: for types whose
    /// subject may be the brand, the subject it names most (the thread's brand on a tie); for
    /// seller types, its named resellers (platforms only when it names none; a platform named
    /// beside a reseller is where the reseller sells), else sellers in general. Empty when
    /// nothing fits.
    func contextSubjects(before position: Int, in comment: Int, type: ClaimType) -> [String] {
        let view = views[comment]
        let kinds = fittingKinds(type)
        // An earlier anaphor refers to what precedes it, which is where this scan goes next
        // anyway, so it is passed over (resolving it by recursion repeats the same scan, and
        // grows exponentially in a comment full of anaphors).
        if let index = latestFitting[comment][type.name]?[view.mentionsEnding(atOrBefore: position)], index >= 0 {
            return unique(view.groupContaining(index, kinds: kinds, model: model).map { subjectID(of: view.mentions[$0]) })
        }
        for ancestor in chains[comment] {
            let mentions = views[ancestor].mentions.filter { kinds.contains($0.kind) && !$0.isPredicate }
            guard !mentions.isEmpty else { continue }
            if type.subjects.contains(.brand) || type.subjects.contains(.store) {
                var counts: [String: Int] = [:]
                var order: [String] = []
                func count(_ id: String) {
                    if counts[id] == nil { order.append(id) }
                    counts[id, default: 0] += 1
                }
                for mention in views[ancestor].mentions where !mention.isPredicate {
                    if kinds.contains(mention.kind) {
                        count(subjectID(of: mention))
                    } else if mention.kind == .anaphor,
                              let antecedent = latestFitting[ancestor][type.name]?[views[ancestor].mentionsEnding(atOrBefore: mention.units.lowerBound)],
                              antecedent >= 0 {
                        // "They're a grey importer": an anaphor counts for what it refers to.
                        count(subjectID(of: views[ancestor].mentions[antecedent]))
                    }
                }
                let top = counts.values.max() ?? 0
                let leaders = order.filter { counts[$0] == top }
                return [leaders.contains(brand) ? brand : leaders[0]]
            }
            let resellers = mentions.filter { $0.kind == .reseller }
            if !resellers.isEmpty { return unique(resellers.map(subjectID)) }
            let platforms = mentions.filter { $0.kind == .platform }
            if !platforms.isEmpty { return unique(platforms.map(subjectID)) }
            return ["*"]
        }
        return []
    }

    /// The regions for a claim whose pattern names none: the nearest region list in the same
    /// sentence, else the latest one earlier in the comment.
    func nearRegions(of match: Range<Int>, sentence: Range<Int>, in comment: Int) -> [String] {
        let view = views[comment]
        let regionKinds: Set<CommentView.MentionKind> = [.region]
        var best: (distance: Int, index: Int)?
        for (index, mention) in view.mentions.enumerated() where mention.kind == .region && sentence.contains(mention.units.lowerBound) {
            let distance = mention.units.upperBound <= match.lowerBound ? match.lowerBound - mention.units.upperBound
                : (mention.units.lowerBound >= match.upperBound ? mention.units.lowerBound - match.upperBound : 0)
            if best == nil || distance < best!.distance { best = (distance, index) }
        }
        if best == nil {
            for (index, mention) in view.mentions.enumerated().reversed() where mention.kind == .region && mention.units.upperBound <= match.lowerBound {
                best = (0, index)
                break
            }
        }
        guard let best else { return [] }
        return unique(view.groupContaining(best.index, kinds: regionKinds, model: model).map { view.mentions[$0].id })
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
