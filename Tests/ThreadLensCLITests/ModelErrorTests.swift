import Foundation
import Testing

@Test func brokenModelFileStopsTheRunWithExitCode78AndFileLineColumn() throws {
    let directory = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Copy the shipped models, then break one line of the brand gazetteer.
    let models = directory.appendingPathComponent("models")
    try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("models"), to: models)
    let brands = models.appendingPathComponent("brands.tsv")
    var text = try String(contentsOf: brands, encoding: .utf8)
    text += "xiaomi\tMi Outlet\tstor\n"
    try text.write(to: brands, atomically: true, encoding: .utf8)
    let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1

    let input = "{\"id\": \"1\", \"text\": \"hello\"}\n"
    let run = try CLIRunner.run(["analyze", "--models", models.path, "--input-format", "jsonl", "-"], input: input)
    #expect(run.status == 78)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("models/brands.tsv:\(lineNumber):"))
    #expect(run.stderr.contains("[gazetteer.role]"))
    #expect(run.stderr.contains("did you mean 'store'"))
}

@Test func missingInputFileIsReportedAndExitsWithTheInputErrorCode() throws {
    let run = try CLIRunner.run(["parse", "no/such/thread.txt"])
    #expect(run.status == 65)
    #expect(run.stderr.contains("no/such/thread.txt:1: error: [input.not-found]"))
}
