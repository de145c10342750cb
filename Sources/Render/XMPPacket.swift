// The XMP metadata packet (ISO 16684-1) PDF/A requires: the Info dictionary's entries mirrored,
// the PDF/A and PDF/UA identification claims, and the extension schema PDF/A-2 requires for the
// pdfuaid namespace (it is not one of XMP's predefined schemas).
import Foundation
import Layout

enum XMPPacket {
    static func packet(metadata m: DocumentMetadata, producer: String, creator: String, date: Date) -> String {
        let when = xmpDate(date)
        var x = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        x += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
        x += " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
        if !m.title.isEmpty { x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(m.title))</rdf:li></rdf:Alt></dc:title>\n" }
        if !m.author.isEmpty { x += "<dc:creator><rdf:Seq><rdf:li>\(escape(m.author))</rdf:li></rdf:Seq></dc:creator>\n" }
        if !m.subject.isEmpty { x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(m.subject))</rdf:li></rdf:Alt></dc:description>\n" }
        if !m.keywords.isEmpty { x += "<pdf:Keywords>\(escape(m.keywords.joined(separator: ", ")))</pdf:Keywords>\n" }
        x += "<pdf:Producer>\(escape(producer))</pdf:Producer>\n<xmp:CreatorTool>\(escape(creator))</xmp:CreatorTool>\n"
        x += "<xmp:CreateDate>\(when)</xmp:CreateDate>\n<xmp:ModifyDate>\(when)</xmp:ModifyDate>\n<xmp:MetadataDate>\(when)</xmp:MetadataDate>\n"
        if m.standards.archival { x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n" }
        if m.standards.accessible { x += "<pdfuaid:part>1</pdfuaid:part>\n" }
        x += "</rdf:Description>\n"
        if m.standards.accessible {
            x += """
            <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
            <pdfaProperty:name>part</pdfaProperty:name>
            <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
            <pdfaProperty:category>internal</pdfaProperty:category>
            <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li></rdf:Seq></pdfaSchema:property>
            </rdf:li></rdf:Bag></pdfaExtension:schemas>
            </rdf:Description>

            """
        }
        x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>"
        return x
    }

    /// "D:20240131000000+00'00'" (PDF 1.7 §7.9.4), in UTC.
    static func pdfDate(_ date: Date) -> String {
        let c = components(date)
        return String(format: "D:%04d%02d%02d%02d%02d%02d+00'00'", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// "2024-01-31T00:00:00+00:00", the same instant as `pdfDate`.
    static func xmpDate(_ date: Date) -> String {
        let c = components(date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+00:00", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    private static func components(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
