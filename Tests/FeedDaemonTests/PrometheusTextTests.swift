import FeedDaemon
import FeedCore
import Foundation
import Testing

@Suite struct PrometheusTextTests {
    @Test func daemonMetricsRenderSortedWithEveryFetchResult() {
        let metrics = DaemonMetrics(
            articles: 42,
            publishDuration: .milliseconds(125),
            lastPublish: Date(timeIntervalSince1970: 1_764_410_400),
            sources: [
                SourceMetrics(
                    source: "zeta", entries: 0, fetches: FetchCounts(failed: 3, gone: 1),
                    lastSuccess: nil, consecutiveFailures: 3),
                SourceMetrics(
                    source: "alpha", entries: 17, fetches: FetchCounts(ok: 2, notModified: 5),
                    lastSuccess: Date(timeIntervalSince1970: 1_764_410_000.5), consecutiveFailures: 0),
            ])
        let expected = """
            # HELP feedd_articles Article files published from the seeds directory.
            # TYPE feedd_articles gauge
            feedd_articles 42
            # HELP feedd_entries Entries in the store, per source.
            # TYPE feedd_entries gauge
            feedd_entries{source="alpha"} 17
            feedd_entries{source="zeta"} 0
            # HELP feedd_fetch_total Fetches since the daemon started, per source and result.
            # TYPE feedd_fetch_total counter
            feedd_fetch_total{source="alpha",result="failed"} 0
            feedd_fetch_total{source="alpha",result="gone"} 0
            feedd_fetch_total{source="alpha",result="not_modified"} 5
            feedd_fetch_total{source="alpha",result="ok"} 2
            feedd_fetch_total{source="zeta",result="failed"} 3
            feedd_fetch_total{source="zeta",result="gone"} 1
            feedd_fetch_total{source="zeta",result="not_modified"} 0
            feedd_fetch_total{source="zeta",result="ok"} 0
            # HELP feedd_last_publish_timestamp_seconds When the last publish finished (Unix time).
            # TYPE feedd_last_publish_timestamp_seconds gauge
            feedd_last_publish_timestamp_seconds 1764410400
            # HELP feedd_publish_duration_seconds How long the last publish took.
            # TYPE feedd_publish_duration_seconds gauge
            feedd_publish_duration_seconds 0.125
            # HELP feedd_source_consecutive_failures Failed fetches since the last success, per source.
            # TYPE feedd_source_consecutive_failures gauge
            feedd_source_consecutive_failures{source="alpha"} 0
            feedd_source_consecutive_failures{source="zeta"} 3
            # HELP feedd_source_last_success_timestamp_seconds When a fetch of the source last succeeded (Unix time).
            # TYPE feedd_source_last_success_timestamp_seconds gauge
            feedd_source_last_success_timestamp_seconds{source="alpha"} 1764410000.5

            """
        #expect(metrics.prometheusText == expected)
    }

    @Test func noSourcesLeavesOutThePerSourceFamilies() {
        let metrics = DaemonMetrics(
            articles: 0, publishDuration: .seconds(2), lastPublish: Date(timeIntervalSince1970: 0), sources: [])
        let names = metrics.prometheusText.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            String($0.prefix { $0 != " " && $0 != "{" })
        }
        #expect(names == ["feedd_articles", "feedd_last_publish_timestamp_seconds", "feedd_publish_duration_seconds"])
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("say \"hi\"", "say \\\"hi\\\""),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("\\\"\n", "\\\\\\\"\\n"),
        ("café ✓", "café ✓"),
    ])
    func labelValuesAreEscaped(raw: String, escaped: String) {
        let family = PrometheusFamily(
            name: "m", help: "h", kind: .gauge,
            samples: [PrometheusSample(labels: [.init("source", raw)], value: 1)])
        #expect(PrometheusText.render([family]) == "# HELP m h\n# TYPE m gauge\nm{source=\"\(escaped)\"} 1\n")
    }

    @Test func helpEscapesBackslashAndNewlineButNotQuotes() {
        let family = PrometheusFamily(
            name: "m", help: "a \"b\" c\\d\ne", kind: .counter, samples: [PrometheusSample(value: 0)])
        #expect(PrometheusText.render([family]) == "# HELP m a \"b\" c\\\\d\\ne\n# TYPE m counter\nm 0\n")
    }

    @Test(arguments: [
        (0.0, "0"), (-3.0, "-3"), (0.25, "0.25"), (1e-05, "1e-05"), (1_764_410_000.5, "1764410000.5"),
        (9_007_199_254_740_993.0, "9007199254740992"), (1e20, "1e+20"), (-0.0, "0"), (Double.nan, "NaN"),
        (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"),
    ])
    func valuesUseTheFormatsSpelling(value: Double, text: String) {
        let family = PrometheusFamily(name: "m", help: "h", kind: .gauge, samples: [PrometheusSample(value: value)])
        #expect(PrometheusText.render([family]).split(separator: "\n").last == Substring("m " + text))
    }

    @Test func samplesSortByLabelValueNotByRenderedText() {
        let family = PrometheusFamily(
            name: "m", help: "h", kind: .gauge,
            samples: ["a", "a b", "B", "a\"z"].map { PrometheusSample(labels: [.init("source", $0)], value: 1) })
        let values = PrometheusText.render([family]).split(separator: "\n").dropFirst(2).map(String.init)
        #expect(values == [
            "m{source=\"B\"} 1", "m{source=\"a\"} 1", "m{source=\"a b\"} 1", "m{source=\"a\\\"z\"} 1",
        ])
    }

    @Test func emptyFamiliesAreLeftOut() {
        let families = [
            PrometheusFamily(name: "b", help: "h", kind: .gauge, samples: []),
            PrometheusFamily(name: "a", help: "h", kind: .gauge, samples: [PrometheusSample(value: 1)]),
        ]
        #expect(PrometheusText.render(families) == "# HELP a h\n# TYPE a gauge\na 1\n")
    }
}
