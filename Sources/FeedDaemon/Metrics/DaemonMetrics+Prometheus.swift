import FeedCore
import Foundation

extension DaemonMetrics {
    /// The metric families behind `feedd.prom`; a source that never succeeded has no last-success sample.
    public var prometheusFamilies: [PrometheusFamily] {
        typealias Label = PrometheusSample.Label
        let bySource = sources.map { [Label("source", $0.source)] }
        var fetchSamples: [PrometheusSample] = []
        for (source, labels) in zip(sources, bySource) {
            let counts = [("ok", source.fetches.ok), ("not_modified", source.fetches.notModified),
                          ("failed", source.fetches.failed), ("gone", source.fetches.gone)]
            for (result, count) in counts {
                fetchSamples.append(PrometheusSample(labels: labels + [Label("result", result)], value: Double(count)))
            }
        }
        let successSamples = zip(sources, bySource).compactMap { source, labels in
            source.lastSuccess.map { PrometheusSample(labels: labels, value: $0.timeIntervalSince1970) }
        }
        return [
            PrometheusFamily(
                name: "feedd_articles", help: "Article files published from the seeds directory.", kind: .gauge,
                samples: [PrometheusSample(value: Double(articles))]),
            PrometheusFamily(
                name: "feedd_entries", help: "Entries in the store, per source.", kind: .gauge,
                samples: zip(sources, bySource).map { PrometheusSample(labels: $1, value: Double($0.entries)) }),
            PrometheusFamily(
                name: "feedd_fetch_total", help: "Fetches since the daemon started, per source and result.",
                kind: .counter, samples: fetchSamples),
            PrometheusFamily(
                name: "feedd_last_publish_timestamp_seconds", help: "When the last publish finished (Unix time).",
                kind: .gauge, samples: [PrometheusSample(value: lastPublish.timeIntervalSince1970)]),
            PrometheusFamily(
                name: "feedd_publish_duration_seconds", help: "How long the last publish took.", kind: .gauge,
                samples: [PrometheusSample(value: Self.seconds(publishDuration))]),
            PrometheusFamily(
                name: "feedd_source_consecutive_failures", help: "Failed fetches since the last success, per source.",
                kind: .gauge,
                samples: zip(sources, bySource).map { PrometheusSample(labels: $1, value: Double($0.consecutiveFailures)) }),
            PrometheusFamily(
                name: "feedd_source_last_success_timestamp_seconds",
                help: "When a fetch of the source last succeeded (Unix time).", kind: .gauge, samples: successSamples),
        ]
    }

    /// The `feedd.prom` text: `PrometheusText.render(prometheusFamilies)`.
    public var prometheusText: String {
        PrometheusText.render(prometheusFamilies)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
