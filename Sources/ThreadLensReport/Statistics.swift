import ThreadLensCore

/// Sentiment tallies kept as exact integers, so that merging partial reports in any order or
/// grouping gives bit-identical sums (floating-point addition is not associative).
///
/// Scores are quantised to 1/10 000 (the precision every output prints); sums and sums of
/// squares are exact `Int`s in those units.
public struct ScoreTally: Hashable, Sendable {
    public var count = 0
    public var positive = 0
    public var negative = 0
    public var neutral = 0
    /// Sum of quantised scores (units of 1e-4).
    public var sum = 0
    /// Sum of squared quantised scores (units of 1e-8).
    public var sumOfSquares = 0

    public init() {}

    public init(count: Int, positive: Int, negative: Int, neutral: Int, sum: Int, sumOfSquares: Int) {
        self.count = count
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    /// The units one score is counted in.
    public static let scale = 10_000

    /// A score in [-1, 1] as an integer number of 1e-4 units (clamped; NaN counts as 0).
    public static func quantize(_ score: Double) -> Int {
        guard score.isFinite else { return 0 }
        let clamped = min(1, max(-1, score))
        return Int((clamped * Double(scale)).rounded())
    }

    public mutating func add(_ label: SentimentLabel, score: Double) {
        add(label, quantized: ScoreTally.quantize(score))
    }

    public mutating func add(_ label: SentimentLabel, quantized: Int) {
        count += 1
        switch label {
        case .positive: positive += 1
        case .negative: negative += 1
        case .neutral: neutral += 1
        }
        sum += quantized
        sumOfSquares += quantized * quantized
    }

    public mutating func merge(_ other: ScoreTally) {
        count += other.count
        positive += other.positive
        negative += other.negative
        neutral += other.neutral
        sum += other.sum
        sumOfSquares += other.sumOfSquares
    }

    /// The finished numbers: counts, mean and its 95% interval.
    public var summary: SentimentSummary { SentimentSummary(self) }
}

/// Counts by label, the mean score and a 95% confidence interval for the mean (Student's t),
/// computed from a `ScoreTally`.
public struct SentimentSummary: Hashable, Sendable {
    public var count: Int
    public var positive: Int
    public var negative: Int
    public var neutral: Int
    /// Nil when there is nothing to average.
    public var mean: Double?
    /// Nil with fewer than two scores (no spread to estimate); clamped to [-1, 1].
    public var low: Double?
    public var high: Double?

    public init(_ tally: ScoreTally) {
        count = tally.count
        positive = tally.positive
        negative = tally.negative
        neutral = tally.neutral
        guard tally.count > 0 else { mean = nil; low = nil; high = nil; return }
        let n = Double(tally.count), scale = Double(ScoreTally.scale)
        let mean = Double(tally.sum) / n / scale
        self.mean = mean
        guard tally.count > 1 else { low = nil; high = nil; return }
        let sum = Double(tally.sum), squares = Double(tally.sumOfSquares)
        let variance = max(0, (squares - sum * sum / n) / (n - 1)) / (scale * scale)
        let half = StudentT.quantile975(degreesOfFreedom: tally.count - 1) * (variance / n).squareRoot()
        low = max(-1, mean - half)
        high = min(1, mean + half)
    }

    /// Share of scored comments that are positive / negative (0 when none).
    public var positiveShare: Double { count == 0 ? 0 : Double(positive) / Double(count) }
    public var negativeShare: Double { count == 0 ? 0 : Double(negative) / Double(count) }
}

/// The 0.975 quantile of Student's t distribution, for two-sided 95% intervals.
enum StudentT {
    /// Exact to three decimals for 1…30 degrees of freedom (standard tables).
    private static let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    static func quantile975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1)
        if df <= table.count { return table[df - 1] }
        // Cornish–Fisher expansion around the normal quantile; below 1e-4 off past 30 df.
        let z = 1.959963984540054, v = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }
}
