/// Month, weekday and time-zone names accepted in textual dates, all lowercased.
enum DateNames {
    /// Month names and abbreviations in English, French, German, Spanish, Italian, Dutch and Portuguese.
    static let months: [String: Int] = {
        let lists: [[String]] = [
            ["jan", "january", "janvier", "janv", "januar", "jän", "enero", "ene", "gennaio", "gen", "januari", "janeiro"],
            ["feb", "february", "février", "fevrier", "févr", "fev", "fév", "februar", "febrero", "febbraio", "februari", "fevereiro"],
            ["mar", "march", "mars", "märz", "mär", "marzo", "maart", "março", "mrt"],
            ["apr", "april", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "mag", "mei", "maio"],
            ["jun", "june", "juin", "juni", "junio", "giugno", "giu", "junho"],
            ["jul", "july", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"],
            ["aug", "august", "août", "aout", "agosto", "ago", "augustus"],
            ["sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro"],
            ["oct", "october", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"],
            ["nov", "november", "novembre", "noviembre", "novembro"],
            ["dec", "december", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()

    /// Weekday names and abbreviations (ignored: a wrong weekday does not invalidate a date).
    static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "mié", "jue", "vie", "sáb", "dom", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    ]

    /// Named zones in hours east of UTC. RFC 822 §5.1 military letters follow the RFC's literal (inverted) signs,
    /// as feedparser does; RFC 2822 §4.3 advises treating them as unknown, which changes nothing for `Z`.
    static let zones: [String: Int] = {
        var table: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
            "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
            "ast": -4, "adt": -3, "et": -5, "ct": -6, "mt": -7, "pt": -8, "akst": -9, "akdt": -8, "hst": -10,
            "bst": 1, "ist": 1, "cet": 1, "cest": 2, "met": 1, "mest": 2, "mez": 1, "mesz": 2, "eet": 2, "eest": 3,
            "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
        ]
        for (offset, letter) in "abcdefghi".enumerated() { table[String(letter)] = -(offset + 1) }
        for (offset, letter) in "klm".enumerated() { table[String(letter)] = -(offset + 10) }
        for (offset, letter) in "nopqrstuvwxy".enumerated() { table[String(letter)] = offset + 1 }
        return table
    }()
}
