// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for threadlens, kept out of the main package so its build and CI are
// untouched. Build (see scripts/fuzz):
//   swift build --package-path Fuzz -c release \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// One executable per target, each with `LLVMFuzzerTestOneInput` and the `<module>_main` entry
// SwiftPM links `main` to (it starts libFuzzer's driver; see CFuzzerDriver.h).
let package = Package(
    name: "threadlens-fuzz",
    dependencies: [
        .package(name: "threadlens", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "ThreadLens", package: "threadlens")]),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-jsonl", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-decoding", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-pipeline", dependencies: ["FuzzSupport"]),
    ]
)
