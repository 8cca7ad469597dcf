import ThreadLensCore
/// Aggregation and report renderers. Filled in by the report issue.
