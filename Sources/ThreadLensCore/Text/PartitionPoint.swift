/// Binary search over collections kept in text order (tokens, units, mentions, sentences), so
/// that finding "the ones before position p" stays logarithmic in a comment of any length.
extension RandomAccessCollection {
    /// The first index whose element satisfies `isPast`, where `isPast` is false for a prefix of
    /// the collection and true for the rest; `endIndex` when it holds for none.
    @inlinable
    public func partitionPoint(where isPast: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isPast(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
