/// A length of time as the log, `feedd status` and systemd's STATUS= line say it: "45 s", "12 min",
/// "3 h 20 min", "4 days" (rounded down, never negative).
enum DurationText {
    static func describe(_ seconds: Double) -> String {
        let s = Int(max(0, seconds))
        if s < 90 { return "\(s) s" }
        if s < 5_400 { return "\(s / 60) min" }
        if s < 172_800 { return "\(s / 3_600) h \(s % 3_600 / 60) min" }
        return "\(s / 86_400) days"
    }
}
