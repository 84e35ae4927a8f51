import FeedDaemon
import Testing

/// The progress model and its one line: numbers, widths, rate, thresholds.
@Suite struct ProgressLineTests {
    /// A progress as the events of a pass leave it: `read` of `toRead` files (the reading from 0 s to
    /// `readFor`), `polled` of `due` sources.
    static func progress(read: Int, of toRead: Int, readFor: Duration = .seconds(1), polled: Int = 0, of due: Int = 0) -> PassProgress {
        var progress = PassProgress()
        if toRead > 0 { progress.apply(.reading(files: toRead), at: .zero) }
        if read > 0 { progress.apply(.read(files: read), at: readFor) }
        if due > 0 { progress.apply(.polling(sources: due), at: readFor) }
        for _ in 0..<polled { progress.apply(.polled, at: readFor) }
        return progress
    }

    @Test func theWholeLine() {
        let progress = Self.progress(read: 12_000, of: 40_000, readFor: .milliseconds(4_000), polled: 3, of: 8)
        let line = ProgressLine.render(progress, elapsed: .milliseconds(4_200), columns: 120)
        #expect(line == "articles 12,000/40,000 · sources 3/8 due · 4.2 s · 3,000 files/s")
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (12_000, "12,000"), (100_000, "100,000"),
        (1_234_567, "1,234,567"), (-4_500, "-4,500"),
    ])
    func numbersAreGroupedByThousands(value: Int, text: String) {
        var progress = PassProgress()
        progress.apply(.reading(files: max(value, 0) + 400), at: .zero)
        progress.apply(.read(files: value), at: .zero)
        let line = ProgressLine.render(progress, elapsed: .zero, columns: 200) ?? ""
        #expect(line.hasPrefix("articles ") && line.contains(text + "/"), "\(line)")
    }

    /// The count is padded to its total's width, so the line keeps its length as the count grows.
    @Test(arguments: [400, 9_999, 40_000, 1_500_000])
    func countsKeepTheirWidth(total: Int) {
        let lengths = [0, 1, total / 3, total].map { read in
            ProgressLine.render(Self.progress(read: read, of: total), elapsed: .seconds(2), columns: 200)!
                .split(separator: "·")[0].count
        }
        #expect(Set(lengths).count == 1, "\(lengths)")
    }

    @Test(arguments: [1, 10, 40, 79, 80, 200])
    func theLineNeverReachesTheLastColumn(columns: Int) {
        let progress = Self.progress(read: 12_000, of: 40_000, polled: 3, of: 8)
        let full = ProgressLine.render(progress, elapsed: .seconds(75), columns: 1_000)!
        let line = ProgressLine.render(progress, elapsed: .seconds(75), columns: columns)!
        #expect(line.count == min(full.count, max(1, columns - 1)))
        #expect(full.hasPrefix(line))
    }

    @Test(arguments: [
        (Duration.zero, "0.0 s"), (.milliseconds(4_250), "4.2 s"), (.milliseconds(59_990), "59.9 s"),
        (.seconds(60), "1 min 00 s"), (.seconds(185), "3 min 05 s"), (.seconds(3_725), "1 h 02 min"),
    ])
    func elapsedTime(elapsed: Duration, text: String) {
        let line = ProgressLine.render(Self.progress(read: 0, of: 0, of: 10), elapsed: elapsed, columns: 200)
        #expect(line == "sources  0/10 due · " + text)
    }

    /// Files per second over the time the files were read, not the whole pass: polling after the reading
    /// does not slow the rate down.
    @Test(arguments: [(1_000, 2_000), (600, 1_500), (999, 1_000), (3, 3_000), (5, 2_000)])
    func rateIsFilesOverReadingTime(files: Int, milliseconds: Int) {
        var progress = PassProgress()
        progress.apply(.reading(files: 1_000), at: .seconds(1))
        progress.apply(.read(files: files), at: .seconds(1) + .milliseconds(milliseconds))
        let rate = Double(files) * 1_000 / Double(milliseconds)
        #expect(progress.filesPerSecond == rate)
        let line = ProgressLine.render(progress, elapsed: .seconds(30), columns: 200)!
        #expect(line.hasSuffix(" · \(Int(rate.rounded())) files/s"), "\(line)")
    }

    @Test func noRateBeforeAFileIsRead() {
        let line = ProgressLine.render(Self.progress(read: 0, of: 1_000), elapsed: .seconds(3), columns: 200)
        #expect(line == "articles     0/1,000 · 3.0 s")
    }

    @Test(arguments: [
        (0, 0, false), (300, 0, false), (0, 3, false), (300, 3, false),
        (301, 0, true), (0, 4, true), (301, 4, true), (40_000, 0, true),
    ])
    func nothingUnderTheThresholds(files: Int, sources: Int, shown: Bool) {
        let progress = Self.progress(read: files / 2, of: files, polled: sources / 2, of: sources)
        #expect(progress.isWorthShowing == shown)
        #expect((ProgressLine.render(progress, elapsed: .seconds(1), columns: 80) != nil) == shown)
    }

    @Test func eventsAddUp() {
        var progress = PassProgress()
        progress.apply(.reading(files: 200), at: .seconds(1))
        progress.apply(.reading(files: 150), at: .seconds(2))
        for second in 2...11 { progress.apply(.read(files: 35), at: .seconds(second)) }
        progress.apply(.polling(sources: 2), at: .seconds(12))
        progress.apply(.polled, at: .seconds(13))
        #expect(progress.filesToRead == 350 && progress.filesRead == 350)
        #expect(progress.sourcesDue == 2 && progress.sourcesPolled == 1)
        #expect(progress.filesPerSecond == 35)
        #expect(!progress.finished)
        progress.apply(.finished, at: .seconds(14))
        #expect(progress.finished)
    }
}
