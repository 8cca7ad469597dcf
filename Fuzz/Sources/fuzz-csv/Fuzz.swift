import FuzzSupport
import ThreadLens

/// Fuzzes the csv reader on arbitrary bytes (decoded as UTF-8 with replacement) and checks
/// the invariants of `Invariants.check`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    Invariants.checkReader(.csv, UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// The entry SwiftPM links `main` to: hands over to libFuzzer's driver.
@_cdecl("fuzz_csv_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
