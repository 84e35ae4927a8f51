import CLibXML2

/// Converts bytes in a named character encoding to UTF-8 with libxml2's converters (built-in and iconv).
public enum SAXTranscoder {
    /// The UTF-8 bytes, or nil when the encoding is unknown or the bytes are not valid in it.
    public static func utf8(from bytes: [UInt8], encoding name: String) -> [UInt8]? {
        LibXML.prepareThread()
        guard let handler = xmlFindCharEncodingHandler(name) else { return nil }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreateSize(bytes.count + 1), let output = xmlBufferCreateSize(bytes.count * 2 + 16) else {
            return nil
        }
        defer {
            xmlBufferFree(input)
            xmlBufferFree(output)
        }
        bytes.withUnsafeBufferPointer { buffer in
            _ = xmlBufferAdd(input, buffer.baseAddress, Int32(buffer.count))
        }
        while xmlBufferLength(input) > 0 {
            let before = xmlBufferLength(input)
            let result = xmlCharEncInFunc(handler, output, input)
            if result < 0 || (result == 0 && xmlBufferLength(input) == before) { return nil }
        }
        guard let content = xmlBufferContent(output) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
    }
}
