import ThreadLensCore
/// Gold annotations and scores (SPEC §6). Filled in by the foundation issue.
