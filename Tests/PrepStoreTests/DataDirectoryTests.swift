import PrepCore
import PrepStore
import Testing

@Suite struct DataDirectoryTests {
    @Test func usesXDGDataHomeWhenAbsolute() throws {
        #expect(try DataDirectory.resolve(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]) == "/data/infraprep")
        #expect(try DataDirectory.resolve(environment: ["XDG_DATA_HOME": "/data/", "HOME": "/home/a"]) == "/data/infraprep")
    }

    @Test func ignoresRelativeXDGDataHomeAsTheSpecSays() throws {
        #expect(try DataDirectory.resolve(environment: ["XDG_DATA_HOME": "rel/data", "HOME": "/home/a"]) == "/home/a/.local/share/infraprep")
    }

    @Test func fallsBackToHome() throws {
        #expect(try DataDirectory.resolve(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/infraprep")
    }

    @Test func saysWhatToDoWithoutHome() {
        #expect {
            try DataDirectory.resolve(environment: [:])
        } throws: { error in
            (error as? PlainError)?.message.contains("--data-dir") == true
        }
    }
}
