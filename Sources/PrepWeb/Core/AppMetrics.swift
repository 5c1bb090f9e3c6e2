import Foundation
import PrepCore
import Prometheus

/// The Prometheus metrics the app exposes at `/metrics`.
public final class AppMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    /// Seconds; from 1 ms (a cached page) to 10 s (a slow export), roughly doubling.
    static let latencyBuckets: [Duration] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map {
        .nanoseconds(Int64($0 * 1e9))
    }

    public init() {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "infraprep", metricName: "build", unitName: "info", helpText: "Build information; always 1."),
            labels: [("version", AppInfo.version)]
        ).set(to: 1.0)
    }

    /// `route` is the route pattern (`/api/v1/status`), never the raw path, so that ids in
    /// URLs cannot blow up the number of series.
    func observe(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(
            descriptor: MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "HTTP requests served, by route pattern and status."),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "http_request_duration", unitName: "seconds", helpText: "Time to serve an HTTP request, by route pattern and status."),
            labels: labels,
            buckets: Self.latencyBuckets
        ).record(duration)
    }

    public func exposition() -> String { registry.emitToString() }
}
