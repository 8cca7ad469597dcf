// ThreadLensEval — gold annotations and scores (SPEC §6).
//
// The parts, in the order data flows through them:
//
//   GoldSet.load(paths:)            NAME.gold.jsonl files → GoldAnnotation values + Diagnostics
//   PredictionSet.load(path:)       `analyze --format jsonl` records → Prediction values
//   PredictionSet(analyzed:)        or the pipeline's AnalyzedThreads, in process
//   Scorer.score(gold:predictions:) → EvalReport: sentiment, topics, claims, stance scores + misses
//   EvalReport.metric(named:)       one score by name ("claims.f1", "claims.reseller_legitimacy.f1")
//   MetricFloor.parse / check       `--min METRIC=VALUE` floors
//   EvalReport.table / json         the readable table and `threadlens-eval/1` JSON
//
// Like every library target it only returns values and diagnostics; the `threadlens eval`
// command prints them and picks the exit status. It depends on ThreadLensCore alone.
//
// From a test:
//
//   let (gold, problems) = GoldSet.load(paths: ["corpora/gold"])
//   let predictions = PredictionSet(analyzed: threads.map(analyzer.analyze))
//   let report = Scorer.score(gold: gold, predictions: predictions)
//   #expect(report.metric(named: "claims.f1")! >= 0.5)
