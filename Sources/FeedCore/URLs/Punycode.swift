/// Punycode (RFC 3492) and the IDNA `xn--` form of host names (RFC 5891 §4.4), for writing an IRI's host
/// as a URI's: `bücher.example` → `xn--bcher-kva.example`.
///
/// Labels are mapped first as browsers map them (UTS #46, approximated): Unicode full stops separate
/// labels, each label is NFKC-normalised and lower-cased. ASCII labels stay as they are.
public enum Punycode {
    static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 0x80

    /// `host` with every non-ASCII label in its `xn--` form, or nil when a label cannot be encoded (empty,
    /// or longer than DNS's 63 bytes once encoded).
    public static func asciiHost(_ host: String) -> String? {
        guard host.unicodeScalars.contains(where: { !$0.isASCII }) else { return host }
        // U+3002 ideographic full stop, U+FF0E fullwidth full stop, U+FF61 halfwidth ideographic full stop.
        let labels = host.split(omittingEmptySubsequences: false) { "\u{3002}\u{FF0E}\u{FF61}.".contains($0) }
        var result: [String] = []
        for (index, label) in labels.enumerated() {
            if label.isEmpty {
                // Only a trailing dot (the root) may leave an empty label.
                guard index == labels.count - 1, index > 0 else { return nil }
                result.append("")
                continue
            }
            let mapped = String(label).precomposedStringWithCompatibilityMapping.lowercased()
            if mapped.unicodeScalars.allSatisfy(\.isASCII) {
                result.append(mapped)
                continue
            }
            guard let encoded = encode(mapped), encoded.utf8.count + 4 <= 63 else { return nil }
            result.append("xn--" + encoded)
        }
        return result.joined(separator: ".")
    }

    /// The Punycode encoding of `input` (RFC 3492 §6.3), without the `xn--` prefix.
    public static func encode(_ input: String) -> String? {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output = scalars.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN, delta = 0, bias = initialBias
        while handled < scalars.count {
            guard let m = scalars.filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, delta <= Int(Int32.max) - product else { return nil }
            delta += product
            n = m
            for scalar in scalars {
                if scalar < n {
                    delta += 1
                    guard delta <= Int(Int32.max) else { return nil }
                }
                guard scalar == n else { continue }
                var q = delta, k = base
                while true {
                    let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, handled + 1, firstTime: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func digit(_ value: Int) -> UInt8 {
        value < 26 ? UInt8(ascii: "a") + UInt8(value) : UInt8(ascii: "0") + UInt8(value - 26)
    }

    static func adapt(_ delta: Int, _ count: Int, firstTime: Bool) -> Int {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
