import ThreadLensCore

/// The two renderings of an `EvalReport`: a readable table and versioned JSON.
///
/// ## JSON, `threadlens-eval/1`
///
/// One object, keys always in this order (numbers rounded to 4 decimals):
///
/// ```json
/// {"schema": "threadlens-eval/1",
///  "gold": {"files": ["seeds/t.gold.jsonl"], "comments": 14},
///  "predictions": {"scored": 13, "missing": [{"thread": "t", "id": "5"}], "unscored": 2},
///  "sentiment": {"macro_f1": 0.5, "accuracy": 0.7, "support": 10, "correct": 7, "unpredicted": 1,
///                "labels": [{"label": "neutral", "precision": 0.8, "recall": 0.9, "f1": 0.85, "support": 9, "predicted": 10, "tp": 8, "fp": 2, "fn": 1}],
///                "confusion": {"rows": ["neutral"], "columns": ["neutral", "(nothing)"], "counts": [[8, 1]]}},
///  "topics": {"precision": …, "recall": …, "f1": …, "tp": 3, "fp": 1, "fn": 4,
///             "per_topic": [{"topic": "resellers", "precision": …, "recall": …, "f1": …, "support": …, "predicted": …, "tp": …, "fp": …, "fn": …}]},
///  "claims": {"precision": …, "recall": …, "f1": …, "tp": …, "fp": …, "fn": …, "unresolved": 0,
///             "per_type": [{"type": "reseller_legitimacy", …}]},
///  "stance": {"accuracy": …, "support": …, "correct": …, "unpredicted": …, "labels": […], "confusion": {…}},
///  "floors": [{"metric": "claims.f1", "min": 0.5, "value": 0.25, "passed": false}],
///  "misses": {"total": 31, "shown": 31, "items": [{"thread": "t", "id": "2.1", "field": "claims",
///             "expected": null, "predicted": null, "missing": ["reseller_legitimacy xiaomishop legitimate"],
///             "extra": [], "has_prediction": true}]}}
/// ```
///
/// `confusion.rows` are gold labels, `columns` predicted ones plus `(nothing)` when some comment
/// got no label. In `misses.items`, `expected`/`predicted` are set for `sentiment` and `stance`
/// (`predicted` null: nothing predicted), `missing`/`extra` for `topics` and `claims` (claims
/// written `type subject value [region]`). A later version may add keys; it never changes or
/// removes these without changing `schema`.
extension EvalReport {
    /// The report as `threadlens-eval/1` JSON; `misses` limits the miss items (nil: all).
    public func json(misses limit: Int? = nil, floors: [FloorCheck] = []) -> JSONValue {
        let shown = limit.map { Array(misses.prefix(max(0, $0))) } ?? misses
        return .object([
            ("schema", .string(EvalReport.schema)),
            ("gold", .object([
                ("files", .array(goldFiles.map { .string($0) })),
                ("comments", .integer(annotated)),
            ])),
            ("predictions", .object([
                ("scored", .integer(annotated - missing.count)),
                ("missing", .array(missing.map { .object([("thread", .string($0.thread.rawValue)), ("id", .string($0.id.rawValue))]) })),
                ("unscored", .integer(unscoredPredictions)),
            ])),
            ("sentiment", labelJSON(sentiment, headline: [("macro_f1", .number(sentiment.macroF1)), ("accuracy", .number(sentiment.accuracy))])),
            ("topics", setJSON(topics, breakdownKey: "per_topic", nameKey: "topic", unresolved: false)),
            ("claims", setJSON(claims, breakdownKey: "per_type", nameKey: "type", unresolved: true)),
            ("stance", labelJSON(stance, headline: [("accuracy", .number(stance.accuracy))])),
            ("floors", .array(floors.map { check in
                .object([
                    ("metric", .string(check.floor.metric)),
                    ("min", .number(check.floor.minimum)),
                    ("value", check.value.map { .number($0) } ?? .null),
                    ("passed", .bool(check.passed)),
                ])
            })),
            ("misses", .object([
                ("total", .integer(misses.count)),
                ("shown", .integer(shown.count)),
                ("items", .array(shown.map { miss in
                    .object([
                        ("thread", .string(miss.comment.thread.rawValue)),
                        ("id", .string(miss.comment.id.rawValue)),
                        ("field", .string(miss.field.rawValue)),
                        ("expected", .optional(miss.expected)),
                        ("predicted", .optional(miss.predicted)),
                        ("missing", .array(miss.missing.map { .string($0) })),
                        ("extra", .array(miss.extra.map { .string($0) })),
                        ("has_prediction", .bool(miss.hasPrediction)),
                    ])
                })),
            ])),
        ])
    }

    private func countsJSON(_ counts: PRF) -> [(String, JSONValue)] {
        [
            ("precision", .number(counts.precision)), ("recall", .number(counts.recall)), ("f1", .number(counts.f1)),
            ("support", .integer(counts.support)), ("predicted", .integer(counts.predicted)),
            ("tp", .integer(counts.truePositives)), ("fp", .integer(counts.falsePositives)), ("fn", .integer(counts.falseNegatives)),
        ]
    }

    private func labelJSON(_ scores: LabelScores, headline: [(String, JSONValue)]) -> JSONValue {
        .object(headline + [
            ("support", .integer(scores.support)),
            ("correct", .integer(scores.correct)),
            ("unpredicted", .integer(scores.unpredicted)),
            ("labels", .array(scores.perLabel.map { .object([("label", .string($0.name))] + countsJSON($0.counts)) })),
            ("confusion", .object([
                ("rows", .array(scores.confusion.rows.map { .string($0) })),
                ("columns", .array(scores.confusion.columns.map { .string($0) })),
                ("counts", .array(scores.confusion.counts.map { .array($0.map { .integer($0) }) })),
            ])),
        ])
    }

    private func setJSON(_ scores: SetScores, breakdownKey: String, nameKey: String, unresolved: Bool) -> JSONValue {
        let counts = scores.overall
        var members: [(String, JSONValue)] = [
            ("precision", .number(counts.precision)), ("recall", .number(counts.recall)), ("f1", .number(counts.f1)),
            ("tp", .integer(counts.truePositives)), ("fp", .integer(counts.falsePositives)), ("fn", .integer(counts.falseNegatives)),
        ]
        if unresolved { members.append(("unresolved", .integer(scores.unresolved))) }
        members.append((breakdownKey, .array(scores.breakdown.map { .object([(nameKey, .string($0.name))] + countsJSON($0.counts)) })))
        return .object(members)
    }

    /// The report as a readable table: headline scores, per-label/topic/type breakdowns,
    /// confusion matrices, floors, missing predictions and the first `misses` misses.
    public func table(misses limit: Int = 20, floors: [FloorCheck] = []) -> String {
        var lines: [String] = []
        let scored = annotated - missing.count
        lines.append("threadlens eval: \(goldFiles.count) gold file(s), \(annotated) annotated comment(s), \(scored) with predictions, \(missing.count) missing, \(unscoredPredictions) prediction(s) without gold (not scored)")
        lines.append("")
        var headline = TextTable(["score", "value", "detail"])
        let sentimentLabels = sentiment.perLabel.map(\.name).joined(separator: ", ")
        headline.add(["sentiment macro-F1", formatScore(sentiment.macroF1), "over \(sentiment.perLabel.count) label(s)\(sentimentLabels.isEmpty ? "" : ": " + sentimentLabels); \(sentiment.support) comment(s) with a gold label"])
        headline.add(["sentiment accuracy", formatScore(sentiment.accuracy), "\(sentiment.correct) of \(sentiment.support)"])
        for (name, scores) in [("topics", topics), ("claims", claims)] {
            let counts = scores.overall
            var detail = "tp \(counts.truePositives), fp \(counts.falsePositives), fn \(counts.falseNegatives)"
            if name == "claims", scores.unresolved > 0 { detail += "; \(scores.unresolved) unresolved '?' claim(s) not scored" }
            headline.add(["\(name) precision", formatScore(counts.precision), ""])
            headline.add(["\(name) recall", formatScore(counts.recall), ""])
            headline.add(["\(name) F1", formatScore(counts.f1), detail])
        }
        headline.add(["stance accuracy", formatScore(stance.accuracy), "\(stance.correct) of \(stance.support)"])
        lines += headline.render()

        lines.append("")
        lines.append("sentiment per label")
        lines += labelTable(sentiment)
        lines.append("")
        lines.append("topics per topic")
        lines += breakdownTable(topics, nameHeader: "topic")
        lines.append("")
        lines.append("claims per type")
        lines += breakdownTable(claims, nameHeader: "type")
        lines.append("")
        lines.append("stance per label")
        lines += labelTable(stance)

        if !floors.isEmpty {
            lines.append("")
            lines.append("floors")
            for check in floors { lines.append("  \(check.passed ? "ok    " : "FAILED") \(check)") }
        }
        if !missing.isEmpty {
            lines.append("")
            lines.append("missing predictions (\(missing.count), scored as predicted nothing)")
            var byThread: [(ThreadID, [CommentID])] = []
            for key in missing {
                if let last = byThread.indices.last, byThread[last].0 == key.thread { byThread[last].1.append(key.id) } else { byThread.append((key.thread, [key.id])) }
            }
            for (thread, ids) in byThread {
                lines.append("  \(thread): " + ids.map(\.rawValue).joined(separator: ", "))
            }
        }
        lines.append("")
        let shown = misses.prefix(max(0, limit))
        if misses.isEmpty {
            lines.append("misses: none")
        } else {
            lines.append(shown.count == misses.count ? "misses (\(misses.count))" : "misses (showing \(shown.count) of \(misses.count); --misses N shows more)")
            for miss in shown { lines.append("  \(miss)") }
        }
        return lines.joined(separator: "\n")
    }

    private func labelTable(_ scores: LabelScores) -> [String] {
        guard !scores.perLabel.isEmpty else { return ["  (no comment with a gold label)"] }
        var table = TextTable(["label", "precision", "recall", "F1", "support", "predicted"])
        for row in scores.perLabel {
            let c = row.counts
            table.add([row.name, formatScore(c.precision), formatScore(c.recall), formatScore(c.f1), String(c.support), String(c.predicted)])
        }
        var lines = table.render()
        lines.append("  confusion (rows: gold, columns: predicted)")
        var confusion = TextTable(["gold \\ predicted"] + scores.confusion.columns)
        for (row, counts) in zip(scores.confusion.rows, scores.confusion.counts) {
            confusion.add([row] + counts.map(String.init))
        }
        lines += confusion.render().map { "  " + $0 }
        return lines
    }

    private func breakdownTable(_ scores: SetScores, nameHeader: String) -> [String] {
        var table = TextTable([nameHeader, "precision", "recall", "F1", "tp", "fp", "fn"])
        for row in scores.breakdown {
            let c = row.counts
            table.add([row.name, formatScore(c.precision), formatScore(c.recall), formatScore(c.f1),
                       String(c.truePositives), String(c.falsePositives), String(c.falseNegatives)])
        }
        return table.render()
    }
}

/// A plain-text table: left-aligned first column, right-aligned numbers, two-space indent.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> [String] {
        let all = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return all.map { row in
            var line = "  "
            for (i, cell) in row.enumerated() where i < widths.count {
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                // The last column of the headline table is free text: left-aligned and unpadded.
                let isText = i == 0 || (i == row.count - 1 && header[i] == "detail")
                if i > 0 { line += "  " }
                line += isText ? cell + (i == row.count - 1 ? "" : padding) : padding + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
