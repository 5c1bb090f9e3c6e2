import Foundation
import PrepCore

/// The folder that holds the SQLite file and anything else InfraPrep writes.
///
/// Checked before anything is created in it, so a bad `--data-dir` fails with one clear
/// line and leaves nothing behind.
public enum DataFolder {
    public static func file(_ name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Creates the folder if needed and proves it writable by writing a probe file.
    /// Whatever this call created is removed again when it fails.
    public static func prepare(_ path: String, flag: String = "--data-dir") throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PlainError("\(flag) \(path) is a file, not a folder", fix: "pass a folder path, or move the file away")
            }
            try probe(path, flag: flag, cleanUp: nil)
            return
        }
        let created = firstMissingAncestor(of: path)
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            if let created { try? fm.removeItem(atPath: created) }
            if let file = fileOnTheWay(to: path) {
                throw PlainError("\(flag) \(path) cannot be created: \(file) is a file, not a folder", fix: "pass a folder path, or move the file away")
            }
            throw PlainError("\(flag) \(path) cannot be created (\(reason(error)))", fix: "pass a folder you can write to")
        }
        try probe(path, flag: flag, cleanUp: created)
    }

    private static func probe(_ path: String, flag: String, cleanUp: String?) throws {
        let probe = file(".write-probe-\(getpid())", in: path)
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            if let cleanUp { try? FileManager.default.removeItem(atPath: cleanUp) }
            throw PlainError("\(flag) \(path) is not writable", fix: "pass a folder you can write to, or fix its permissions")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }

    /// The nearest existing ancestor of `path` when it is a file (which no folder can be made in).
    private static func fileOnTheWay(to path: String) -> String? {
        var current = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while current.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory) { return isDirectory.boolValue ? nil : current.path }
            current = current.deletingLastPathComponent()
        }
        return nil
    }

    /// The outermost folder on the way to `path` that does not exist yet.
    private static func firstMissingAncestor(of path: String) -> String? {
        var current = URL(fileURLWithPath: path).standardizedFileURL
        var missing: String?
        while !FileManager.default.fileExists(atPath: current.path) {
            missing = current.path
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return missing
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
