import Dispatch
import Foundation
import Synchronization

/// Analysis spread over several cores, results kept in input order.
///
/// Threads are the unit of work: every stage looks across a thread (spellings met, parents'
/// subjects, replies' stance), and threads are independent of each other. Threads are taken in
/// batches of about `batchComments` comments; within a batch, `jobs` workers each pull the next
/// thread (so one long thread does not hold up the others), each with its own ICU tokenizer
/// (break iterators are per thread of execution); the batch is then delivered in input order
/// and dropped, so memory holds one batch of results at a time, however long the input.
public struct ParallelAnalysis {
    public let analyzer: Analyzer
    public let jobs: Int
    public let batchComments: Int
    private let tokenizers: [Tokenizer]

    /// `jobs`: worker threads (at least 1; 1 analyses on the calling thread).
    public init(_ analyzer: Analyzer, jobs: Int, batchComments: Int = 4096) throws {
        self.analyzer = analyzer
        self.jobs = max(1, jobs)
        self.batchComments = max(1, batchComments)
        var tokenizers = [analyzer.tokenizer]
        for _ in 1..<self.jobs { tokenizers.append(Tokenizer(segmenter: try ICUSegmenter())) }
        self.tokenizers = tokenizers
    }

    /// The number of cores this process may use.
    public static var availableCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Analyses every thread of `threads`, calling `deliver` with each result in input order.
    public func analyze<Threads: Sequence>(_ threads: Threads, deliver: (AnalyzedThread) throws -> Void) rethrows where Threads.Element == CommentThread {
        var batch: [CommentThread] = []
        var comments = 0
        for thread in threads {
            batch.append(thread)
            comments += thread.comments.count
            if comments >= batchComments {
                for result in analyze(batch: batch) { try deliver(result) }
                batch.removeAll(keepingCapacity: true)
                comments = 0
            }
        }
        for result in analyze(batch: batch) { try deliver(result) }
    }

    /// One batch, in order.
    private func analyze(batch: [CommentThread]) -> [AnalyzedThread] {
        guard jobs > 1, batch.count > 1 else { return batch.map { analyzer.pipeline.analyze($0, tokenizer: tokenizers[0]) } }
        let work = BatchWork(batch: batch, pipeline: analyzer.pipeline, tokenizers: tokenizers)
        DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { worker in work.run(worker: worker) }
        return work.results()
    }
}

/// The shared state of one parallel batch: workers take thread indices from an atomic counter
/// and write each result into its own slot, so no slot is written twice and none is read before
/// `concurrentPerform` returns.
private final class BatchWork: @unchecked Sendable {
    let batch: [CommentThread]
    let pipeline: Pipeline
    let tokenizers: [Tokenizer]
    private let next = Atomic<Int>(0)
    /// Raw memory rather than an array property: an array would be a mutating access checked
    /// for exclusivity on every write, and workers write at the same time (to different slots).
    private let slots: UnsafeMutableBufferPointer<AnalyzedThread?>

    init(batch: [CommentThread], pipeline: Pipeline, tokenizers: [Tokenizer]) {
        self.batch = batch
        self.pipeline = pipeline
        self.tokenizers = tokenizers
        self.slots = .allocate(capacity: batch.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func run(worker: Int) {
        let tokenizer = tokenizers[worker]
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < batch.count else { return }
            let result = pipeline.analyze(batch[index], tokenizer: tokenizer)
            slots[index] = result
        }
    }

    func results() -> [AnalyzedThread] { slots.map { $0! } }
}
