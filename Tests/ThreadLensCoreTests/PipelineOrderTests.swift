import Testing
@testable import ThreadLensCore

struct StageReadingUnwrittenField: AnalysisStage {
    var name: String { "NeedsClaims" }
    var reads: Set<AnalysisField> { [.claims] }
    var writes: Set<AnalysisField> { [.stance] }
    func apply(to thread: inout AnalyzedThread) {}
}

@Test func pipelineRejectsAStageThatReadsAFieldNoEarlierStageWrites() {
    #expect(throws: Pipeline.OrderError.self) {
        _ = try Pipeline(models: ModelPack.empty, options: AnalysisOptions(), stages: [StageReadingUnwrittenField()])
    }
}

extension ModelPack {
    static var empty: ModelPack {
        ModelPack(directory: "", entities: EntityModel(), sentiment: SentimentModel(), topics: TopicModel(), claims: ClaimModel(), stance: StanceModel())
    }
}
