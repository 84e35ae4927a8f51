/// The one status line a pass shows on a terminal:
/// `articles 12,000/40,000 · sources 3/8 due · 4.2 s · 2,850 files/s`.
///
/// Counts are padded to the width of their totals, so the line does not jitter as they grow, and the line
/// is cut to one column less than the terminal's width, so it never wraps (a wrapped line cannot be
/// redrawn with a carriage return).
public enum ProgressLine {
    /// The line for `progress` at `elapsed` on a terminal `columns` wide; nil when the pass is under the
    /// thresholds (`PassProgress.isWorthShowing`).
    public static func render(_ progress: PassProgress, elapsed: Duration, columns: Int) -> String? {
        guard progress.isWorthShowing else { return nil }
        var parts: [String] = []
        if progress.filesToRead > 0 {
            parts.append("articles " + fraction(progress.filesRead, of: progress.filesToRead))
        }
        if progress.sourcesDue > 0 {
            parts.append("sources " + fraction(progress.sourcesPolled, of: progress.sourcesDue) + " due")
        }
        parts.append(elapsedText(elapsed))
        if progress.filesToRead > 0, let rate = progress.filesPerSecond {
            parts.append(grouped(Int(rate.rounded())) + " files/s")
        }
        return String(parts.joined(separator: " · ").prefix(max(1, columns - 1)))
    }

    /// `done/total`, `done` padded on the left to the width of `total`.
    static func fraction(_ done: Int, of total: Int) -> String {
        let totalText = grouped(total)
        let doneText = grouped(done)
        return String(repeating: " ", count: max(0, totalText.count - doneText.count)) + doneText + "/" + totalText
    }

    /// An integer with a comma between each group of three digits: `40,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// `4.2 s` under a minute, `3 min 05 s` under an hour, then `1 h 02 min`.
    static func elapsedText(_ elapsed: Duration) -> String {
        let seconds = max(0, PassProgress.seconds(elapsed))
        if seconds < 60 {
            let tenths = Int((seconds * 10).rounded(.down))
            return "\(tenths / 10).\(tenths % 10) s"
        }
        let whole = Int(seconds)
        if whole < 3_600 { return "\(whole / 60) min " + twoDigits(whole % 60) + " s" }
        return "\(whole / 3_600) h " + twoDigits(whole % 3_600 / 60) + " min"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
