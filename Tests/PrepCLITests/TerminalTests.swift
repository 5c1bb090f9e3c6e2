import Testing

@testable import PrepCLI

@Suite struct TerminalTests {
    @Test func coloursOnlyOnATerminalWithoutNO_COLOR() {
        #expect(Terminal.shouldColor(isTTY: true, environment: [:]))
        #expect(!Terminal.shouldColor(isTTY: false, environment: [:]))
        #expect(!Terminal.shouldColor(isTTY: true, environment: ["NO_COLOR": "1"]))
        #expect(Terminal.shouldColor(isTTY: true, environment: ["NO_COLOR": ""]), "no-color.org: an empty NO_COLOR is ignored")
        #expect(!Terminal.shouldColor(isTTY: true, environment: ["TERM": "dumb"]))
    }
}
