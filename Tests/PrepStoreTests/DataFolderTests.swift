import Foundation
import PrepCore
import PrepStore
import Testing

@Suite struct DataFolderTests {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("infraprep-df-\(UUID().uuidString.prefix(8))").path

    @Test func createsNestedFolders() throws {
        defer { try? FileManager.default.removeItem(atPath: base) }
        try DataFolder.prepare(base + "/a/b")
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: base + "/a/b", isDirectory: &isDir) && isDir.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/a/b").isEmpty, "the write probe must not be left behind")
    }

    @Test func refusesAFile() throws {
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        _ = FileManager.default.createFile(atPath: base + "/file", contents: Data("x".utf8))
        #expect(throws: PlainError("--data-dir \(base)/file is a file, not a folder", fix: "pass a folder path, or move the file away")) {
            try DataFolder.prepare(base + "/file")
        }
    }

    @Test func refusesAPathBelowAFileAndLeavesNothing() throws {
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        _ = FileManager.default.createFile(atPath: base + "/file", contents: Data("x".utf8))
        #expect {
            try DataFolder.prepare(base + "/file/sub")
        } throws: { error in
            (error as? PlainError)?.problem.contains("cannot be created") == true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["file"])
    }

    @Test func refusesAFolderThatCannotBeWritten() throws {
        // /proc refuses new files even to root, unlike a chmod-ed folder.
        #expect(throws: PlainError("--data-dir /proc is not writable", fix: "pass a folder you can write to, or fix its permissions")) {
            try DataFolder.prepare("/proc")
        }
    }
}
