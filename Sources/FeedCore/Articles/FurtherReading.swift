/// Headings that open a further-reading block, whose paragraphs are list items (one per linked title).
enum FurtherReading {
    private static let headings: Set<String> = [
        "lectures complémentaires", "lectures complementaires", "pour aller plus loin", "à lire aussi", "a lire aussi",
        "lire aussi", "à lire également", "further reading", "read more", "more reading", "related reading",
        "see also", "related", "weiterführende literatur", "weiterführende lektüre", "weiterlesen", "mehr zum thema",
        "lesen sie auch", "lecturas adicionales", "lecturas complementarias", "para saber más", "para saber mas",
        "lee también", "letture consigliate", "letture di approfondimento", "per approfondire", "leggi anche",
        "leituras adicionais", "leituras complementares", "leitura adicional", "saiba mais", "leia também",
        "verder lezen", "meer lezen", "lees meer", "lees ook",
    ]

    static func opens(_ heading: String) -> Bool {
        headings.contains(heading.lowercased())
    }
}
