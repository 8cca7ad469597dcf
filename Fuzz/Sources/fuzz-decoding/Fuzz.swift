import Foundation
import FuzzSupport
import ThreadLens

/// The charsets the first byte of an input may force (the last: detect).
private let charsets: [String?] = ["GB18030", "Big5", "windows-1252", "UTF-16LE", "UTF-16BE", "UTF-32LE", "Shift_JIS", "UTF-8", nil]

/// Fuzzes decoding (ICU detection and conversion, the Unicode forms) and the removal of
/// control, bidi and invisible characters: the result must hold none of them, and every
/// diagnostic must point at a line of the decoded text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let charset = charsets[Int(data[0]) % charsets.count]
    let bytes = Data(bytes: data + 1, count: size - 1)
    var diagnostics: [Diagnostic] = []
    guard let decoded = TextDecoding.decode(bytes, source: "fuzz", encoding: .icu(forced: charset), diagnostics: &diagnostics) else {
        Invariants.require(false, "a known charset \(charset ?? "detected") was refused")
        return 0
    }
    let cleaned = InvisibleCharacters.clean(input: decoded, source: "fuzz", diagnostics: &diagnostics)
    Invariants.require(InvisibleCharacters.isClean(cleaned), "cleaned text still holds characters to remove")
    Invariants.require(cleaned.unicodeScalars.allSatisfy { InvisibleCharacters.kind(of: $0) == nil }, "isClean disagrees with kind(of:)")
    Invariants.require(Invariants.lineCount(cleaned) == Invariants.lineCount(decoded), "cleaning changed the line count")
    let lines = Invariants.lineCount(decoded)
    for diagnostic in diagnostics {
        let line = diagnostic.location?.line ?? 1
        Invariants.require(line >= 1 && line <= lines, "diagnostic at line \(line) of \(lines): \(diagnostic)")
    }
    return 0
}

/// The entry SwiftPM links `main` to: hands over to libFuzzer's driver.
@_cdecl("fuzz_decoding_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
