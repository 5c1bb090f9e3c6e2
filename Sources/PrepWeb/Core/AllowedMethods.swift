import Vapor

/// The methods the app answers at a path, for `405 Method Not Allowed` with an `Allow`
/// header when a path exists but not for the method asked (RFC 9110 §15.5.6).
enum AllowedMethods {
    static func at(_ path: String, routes: Routes) -> [HTTPMethod] {
        let segments = path.split(separator: "/").map(String.init)
        var methods: [HTTPMethod] = []
        for route in routes.all where matches(route.path, segments) && !methods.contains(route.method) {
            methods.append(route.method)
        }
        if methods.contains(.GET), !methods.contains(.HEAD) { methods.append(.HEAD) }
        return methods
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        if pattern.last == .catchall { return segments.count >= pattern.count - 1 && zip(pattern, segments).allSatisfy(matches) }
        return pattern.count == segments.count && zip(pattern, segments).allSatisfy(matches)
    }

    private static func matches(_ component: PathComponent, _ segment: String) -> Bool {
        switch component {
        case let .constant(text): text == segment
        case .parameter, .anything, .catchall: true
        }
    }
}
