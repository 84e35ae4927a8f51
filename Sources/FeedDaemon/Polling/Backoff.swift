import FeedCore
import FeedIO
/// How long to wait before polling a failing source again: exponential, with jitter, capped.
///
/// `delay = min(cap, base × 2^(failures − 1)) × (1 + jitter × (2u − 1))`, where `u ∈ [0, 1)` is a random
/// value the caller passes in (so the function stays pure and testable). With the defaults
/// (base 5 min, cap 24 h, jitter ±10 %), failures 1, 2, 3, … wait about
/// 5 min, 10 min, 20 min, 40 min, 80 min, 160 min, 320 min, 640 min, 1280 min, then 24 h from the 10th on.
/// The first success resets `failures` to 0, so a source that comes back recovers by itself.
public enum Backoff {
    public static let defaultBase: Double = 300
    public static let defaultCap: Double = 86_400
    public static let defaultJitter: Double = 0.1

    /// Seconds to wait after `failures` consecutive failures (`failures ≥ 1`; 0 gives 0).
    public static func delay(
        failures: Int, unitRandom u: Double,
        base: Double = defaultBase, cap: Double = defaultCap, jitter: Double = defaultJitter
    ) -> Double {
        guard failures > 0 else { return 0 }
        let exponent = Double(min(failures - 1, 62))
        let raw = min(cap, base * pow2(exponent))
        let factor = 1 + jitter * (2 * min(max(u, 0), 1) - 1)
        return min(cap, raw * factor)
    }

    private static func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        var e = Int(exponent)
        while e > 0 && value < 1e18 {
            value *= 2
            e -= 1
        }
        return value
    }
}
