/// Percent-encoding normalisation: RFC 3986 §6.2.2.1 (hex digits in upper case) and §6.2.2.2
/// (encoded unreserved characters decoded).
public enum URIPercentEncoding {
    static func normalized(_ string: String) -> String {
        guard string.contains("%") else { return string }
        var scalars = Array(string.unicodeScalars)[...]
        var result = String.UnicodeScalarView()
        while let scalar = scalars.popFirst() {
            guard scalar == "%", scalars.count >= 2,
                let high = hexValue(scalars[scalars.startIndex]),
                let low = hexValue(scalars[scalars.startIndex + 1])
            else {
                result.append(scalar)
                continue
            }
            scalars = scalars.dropFirst(2)
            let decoded = Unicode.Scalar(UInt8(high * 16 + low))
            if URICharacters.isUnreserved(decoded) {
                result.append(decoded)
            } else {
                result.append(contentsOf: "%\(hexDigit(high))\(hexDigit(low))".unicodeScalars)
            }
        }
        return String(result)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "0"..."9": Int(scalar.value - 48)
        case "a"..."f": Int(scalar.value - 87)
        case "A"..."F": Int(scalar.value - 55)
        default: nil
        }
    }

    private static func hexDigit(_ value: Int) -> Character {
        Character(Unicode.Scalar(UInt8(value < 10 ? 48 + value : 55 + value)))
    }
}

extension URIPercentEncoding {
    /// `bytes` with every byte that `keeps(index)` refuses written as `%XX` (hex digits in upper case).
    static func encoding(_ bytes: [UInt8], keeping keeps: (Int) -> Bool) -> String {
        guard !bytes.indices.allSatisfy(keeps) else { return String(decoding: bytes, as: UTF8.self) }
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        for (index, byte) in bytes.enumerated() {
            if keeps(index) {
                output.append(byte)
            } else {
                output += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the `%` at `index` starts an escape (two hex digits follow).
    static func startsEscape(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 2 < bytes.count && PublishableURL.isHexDigit(bytes[index + 1]) && PublishableURL.isHexDigit(bytes[index + 2])
    }

    /// `text` as one value of an `application/x-www-form-urlencoded` body: every byte but the unreserved
    /// ASCII characters percent-encoded (a URL's `:`, `/`, `?`, `&` and `=` included).
    public static func formValue(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return encoding(bytes) { bytes[$0] < 0x80 && URICharacters.isUnreserved(Unicode.Scalar(bytes[$0])) }
    }
}
