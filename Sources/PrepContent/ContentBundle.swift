import Foundation

/// The content that ships inside the package, found through the resource bundle so it
/// loads from any working directory.
public enum ContentBundle {
    /// The bundled `Content` folder.
    public static var directory: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Content", withExtension: nil) else {
                throw ContentError(
                    file: "Content", line: nil, problem: "the bundled content folder is missing from the installed package",
                    fix: "reinstall infraprep with its .resources folder beside the binary")
            }
            return url
        }
    }
}
