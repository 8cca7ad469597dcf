import Foundation
import FuzzSupport
import ThreadLens

/// One analyzer for the whole run: loading the models takes a second.
nonisolated(unsafe) private let analyzer: Analyzer = {
    do { return try Analyzer() } catch { fatalError("cannot load the models (set THREADLENS_MODELS): \(error)") }
}()

/// Fuzzes the whole path of `threadlens analyze`: decoding, format sniffing, reading, every
/// stage, and the output record. Every comment read is analysed, and every record is one
/// line of valid JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    let result = InputFiles.read(data: bytes, source: "fuzz", format: nil, threadID: ThreadID("fuzz"),
                                 boilerplate: analyzer.boilerplate, encoding: .icu())
    for thread in result.threads {
        let analyzed = analyzer.analyze(thread)
        Invariants.require(analyzed.comments.count == thread.comments.count, "analysed \(analyzed.comments.count) of \(thread.comments.count) comments")
        for comment in analyzed.comments {
            let line = comment.record(thread: thread.id).serialized()
            Invariants.require(!line.contains("\n"), "a record spans lines: \(line)")
            let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            Invariants.require(parsed is [String: Any], "a record is not a JSON object: \(line)")
        }
    }
    return 0
}

/// The entry SwiftPM links `main` to: hands over to libFuzzer's driver.
@_cdecl("fuzz_pipeline_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
