/// One cell of a CSV file for spreadsheets.
public enum CSVCell {
    /// `text` quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it.
    public static func escape(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }
        return value
    }

    /// The review's groups as CSV, with a header line.
    public static func groups(_ groups: [MissedGroup]) -> String {
        var lines = ["id,status,count,first_seen,last_seen,best_guess,assigned_intent,question"]
        for group in groups {
            lines.append(
                [
                    String(group.id), group.status.rawValue, String(group.count), Tally.day(of: group.firstSeen),
                    Tally.day(of: group.lastSeen), group.bestIntent ?? "", group.assignedIntent ?? "", group.example,
                ].map(escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
