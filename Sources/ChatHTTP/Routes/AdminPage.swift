import DialogueEngine
import Foundation

/// The HTML of the staff review page, rendered on the server; every value is escaped.
enum AdminPage {
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static func document(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>\(escape(title))</title>
          <link rel="icon" href="data:,">
          <link rel="stylesheet" href="/admin.css">
        </head>
        <body>
          <header><p>charter-chat: staff review</p></header>
          <main id="main">
        \(body)
          </main>
        </body>
        </html>
        """
    }

    static func signIn(error: String?) -> String {
        let message = error.map { "<p class=\"note error\" role=\"alert\">\(escape($0))</p>" } ?? ""
        return document(
            title: "Sign in: charter-chat review",
            body: """
                <h1>Sign in</h1>
                \(message)
                <form method="post" action="/admin/sign-in">
                  <label for="token">Admin token</label>
                  <input id="token" name="token" type="password" autocomplete="current-password" required>
                  <button type="submit">Sign in</button>
                </form>
                """)
    }

    static func review(
        groups: [MissedGroup], unhelpful: [Feedback], weeks: [DailyStats], safeguarding: [SafeguardingCount],
        intents: [String], csrf: String,
        notice: String?, councils: [String] = [], council: String? = nil
    ) -> String {
        let csrfField = "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(csrf))\">"
        let options = intents.map { "<option value=\"\(escape($0))\">\(escape($0))</option>" }.joined()
        var rows: [String] = []
        for group in groups {
            let id = String(group.id)
            rows.append(
                """
                <tr>
                  <td>\(escape(group.example))</td><td>\(group.count)</td><td>\(Tally.day(of: group.lastSeen))</td>
                  <td>\(escape(group.bestIntent ?? "none"))</td>
                  <td>
                    <form class="inline" method="post" action="/admin/action">
                      \(csrfField)<input type="hidden" name="action" value="assign"><input type="hidden" name="id" value="\(id)">
                      <label class="visually-hidden" for="intent-\(id)">Intent for question \(id)</label>
                      <select id="intent-\(id)" name="intent">\(options)</select>
                      <button type="submit">Assign</button>
                    </form>
                    <form class="inline" method="post" action="/admin/action">
                      \(csrfField)<input type="hidden" name="action" value="ignore"><input type="hidden" name="id" value="\(id)">
                      <button type="submit" class="secondary" aria-label="Ignore question \(id)">Ignore</button>
                    </form>
                  </td>
                </tr>
                """)
        }
        let groupTable =
            groups.isEmpty
            ? "<p>No new unanswered questions.</p>"
            : """
            <table>
              <caption class="visually-hidden">Unanswered questions, most frequent first</caption>
              <thead><tr><th scope="col">Question</th><th scope="col">Times asked</th><th scope="col">Last asked</th>
              <th scope="col">Best guess</th><th scope="col">Action</th></tr></thead>
              <tbody>\(rows.joined())</tbody>
            </table>
            """
        let feedbackItems =
            unhelpful.isEmpty
            ? "<p>No unhelpful answers reported.</p>"
            : "<table><caption class=\"visually-hidden\">Answers people said did not help</caption>"
                + "<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Answer given</th><th scope=\"col\">Comment</th></tr></thead><tbody>"
                + unhelpful.map {
                    "<tr><td>\(escape($0.question))</td><td>\(escape($0.answer))</td><td>\(escape($0.comment ?? ""))</td></tr>"
                }.joined() + "</tbody></table>"
        let message = notice.map { "<p class=\"note\" role=\"status\">\(escape($0))</p>" } ?? ""
        // When several councils are served: links that show one council's questions, or all.
        let councilLinks =
            councils.isEmpty
            ? ""
            : "<nav aria-label=\"Council\"><p>Council: "
                + ([(nil, "All")] + councils.map { (Optional($0), $0) }).map { id, name in
                    let href =
                        id.map {
                            "/admin?council=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                        } ?? "/admin"
                    let current = id == council ? " aria-current=\"page\"" : ""
                    return "<a href=\"\(escape(href))\"\(current)>\(escape(name))</a>"
                }.joined(separator: " | ") + "</p></nav>"
        return document(
            title: "charter-chat review",
            body: """
                <h1>Questions the assistant could not answer\(council.map { " (" + escape($0) + ")" } ?? "")</h1>
                \(councilLinks)
                \(message)
                <p>Assign a question to the intent that should answer it (it becomes an example in
                intents/learned.yaml and the content is reloaded), or ignore it.</p>
                \(groupTable)
                <h2>Answers that did not help</h2>
                \(feedbackItems)
                <h2>Answered and unanswered questions per week</h2>
                \(chart(weeks))
                <h2>Safeguarding signals</h2>
                \(safeguardingTable(safeguarding))
                <h2>Content</h2>
                <form method="post" action="/admin/action">
                  \(csrfField)<input type="hidden" name="action" value="reload">
                  <button type="submit">Reload content from intents/</button>
                </form>
                """)
    }

    /// Safeguarding signals by day and category, newest first: counts only, never the messages.
    static func safeguardingTable(_ counts: [SafeguardingCount]) -> String {
        guard !counts.isEmpty else { return "<p>No safeguarding signals counted.</p>" }
        let rows = counts.prefix(100).map {
            "<tr><th scope=\"row\">\(escape($0.day))</th><td>\(escape($0.category))</td><td>\($0.count)</td></tr>"
        }.joined()
        return """
            <table>
              <caption>Safeguarding signals by day and category (the messages are never stored)</caption>
              <thead><tr><th scope="col">Day</th><th scope="col">Category</th><th scope="col">Count</th></tr></thead>
              <tbody>\(rows)</tbody>
            </table>
            """
    }

    /// A bar chart of answered and unanswered questions per week, with the same figures as a table.
    static func chart(_ weeks: [DailyStats]) -> String {
        guard !weeks.isEmpty else { return "<p>No questions counted yet.</p>" }
        let recent = Array(weeks.suffix(12))
        let top = max(1, recent.map { max($0.answered, $0.unanswered + $0.clarified) }.max() ?? 1)
        let barWidth = 18
        let gap = 14
        let height = 160
        let width = recent.count * (2 * barWidth + gap) + 40
        var bars = ""
        for (index, week) in recent.enumerated() {
            let x = 30 + index * (2 * barWidth + gap)
            let answered = week.answered * height / top
            let unanswered = (week.unanswered + week.clarified) * height / top
            bars +=
                "<rect x=\"\(x)\" y=\"\(10 + height - answered)\" width=\"\(barWidth)\" height=\"\(answered)\" fill=\"#1d70b8\"/>"
            bars +=
                "<rect x=\"\(x + barWidth)\" y=\"\(10 + height - unanswered)\" width=\"\(barWidth)\" height=\"\(unanswered)\" fill=\"#f47738\" stroke=\"#0b0c0c\"/>"
            bars += "<text x=\"\(x)\" y=\"\(height + 26)\">\(escape(String(week.period.suffix(3))))</text>"
        }
        let rows = recent.map {
            "<tr><th scope=\"row\">\(escape($0.period))</th><td>\($0.answered)</td><td>\($0.unanswered + $0.clarified)</td><td>\($0.safeguarding)</td></tr>"
        }.joined()
        return """
            <p class="legend"><span><span class="swatch answered"></span>Answered</span>
            <span><span class="swatch unanswered"></span>Not answered (with outline)</span></p>
            <svg role="img" aria-labelledby="chart-title" width="\(width)" height="\(height + 36)" viewBox="0 0 \(width) \(height + 36)">
              <title id="chart-title">Answered and unanswered questions per week; the table below has the figures</title>
              <line x1="26" y1="\(height + 10)" x2="\(width)" y2="\(height + 10)" stroke="#0b0c0c"/>
              \(bars)
            </svg>
            <table>
              <caption>Questions per week</caption>
              <thead><tr><th scope="col">Week</th><th scope="col">Answered</th><th scope="col">Not answered</th>
              <th scope="col">Safeguarding replies</th></tr></thead>
              <tbody>\(rows)</tbody>
            </table>
            """
    }
}
