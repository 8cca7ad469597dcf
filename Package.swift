// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: IO, Eval, Report and ICU depend on Core; the umbrella
// `ThreadLens` library composes them; the CLI depends on the umbrella and nothing else.
let package = Package(
    name: "threadlens",
    products: [
        .executable(name: "threadlens", targets: ["threadlens"]),
        .library(name: "ThreadLens", targets: ["ThreadLens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System ICU: pkg-config supplies the flags. Never imported by Swift code; only the
        // C shim includes its headers (Foundation ships its own ICU and the headers clash).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // A small C front for ICU whose public header uses only <stdint.h> types.
        .target(
            name: "CICUShim",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        .target(name: "ThreadLensCore"),
        .target(name: "ThreadLensICU", dependencies: ["ThreadLensCore", "CICUShim"]),
        .target(name: "ThreadLensIO", dependencies: ["ThreadLensCore"]),
        .target(name: "ThreadLensEval", dependencies: ["ThreadLensCore"]),
        .target(name: "ThreadLensReport", dependencies: ["ThreadLensCore"]),
        .target(
            name: "ThreadLens",
            dependencies: ["ThreadLensCore", "ThreadLensICU", "ThreadLensIO", "ThreadLensEval", "ThreadLensReport"]
        ),
        .executableTarget(
            name: "threadlens",
            dependencies: ["ThreadLens", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "threadlens-bench", dependencies: ["ThreadLens"]),
        .testTarget(name: "ThreadLensCoreTests", dependencies: ["ThreadLensCore", "ThreadLens"]),
        .testTarget(name: "ThreadLensICUTests", dependencies: ["ThreadLensICU", "ThreadLensCore"]),
        .testTarget(name: "ThreadLensIOTests", dependencies: ["ThreadLensIO", "ThreadLensCore"]),
        .testTarget(name: "ThreadLensEvalTests", dependencies: ["ThreadLensEval", "ThreadLens"]),
        .testTarget(name: "ThreadLensReportTests", dependencies: ["ThreadLensReport", "ThreadLens"]),
        .testTarget(name: "ThreadLensCLITests", dependencies: ["ThreadLens"]),
    ]
)
