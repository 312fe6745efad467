import Testing

@testable import DialogueEngine

/// Every statement of the charter can be reached by a plain-words question about it.
@Suite struct StatementReachabilityTests {
    static let questions: [(String, String)] = [
        ("introduction.p1", "what is coproduction about"),
        ("introduction.p2", "what is the charter committed to"),
        ("closing.p1", "why bother working together"),
        ("welcome-and-care.c1", "are people approachable"),
        ("welcome-and-care.c2", "shared vision"),
        ("welcome-and-care.c3", "will i get a turn to speak"),
        ("welcome-and-care.o1", "does what i think matter"),
        ("welcome-and-care.o2", "will i be welcomed"),
        ("welcome-and-care.o3", "do you spread the message that others are welcome"),
        ("welcome-and-care.o4", "will i feel included"),
        ("welcome-and-care.o5", "will it feel like a happy place"),
        ("welcome-and-care.o6", "is everyone invested in the vision"),
        ("welcome-and-care.o7", "i might need different things to feel included"),
        ("welcome-and-care.o8", "can i join in in a spontaneous way"),
        ("welcome-and-care.o9", "my disability is hidden"),
        ("value-and-include.c1", "will you empower me"),
        ("value-and-include.c2", "am i allowed to disagree"),
        ("value-and-include.c3", "are all the partners respected"),
        ("value-and-include.o1", "can everybody contribute"),
        ("value-and-include.o2", "will people listen carefully"),
        ("value-and-include.o3", "will decisions about me involve me"),
        ("value-and-include.o4", "will people encourage me to give my opinions"),
        ("value-and-include.o5", "will you listen even if we dont agree"),
        ("value-and-include.o6", "is diversity a good thing"),
        ("value-and-include.o7", "what if my circumstances change"),
        ("value-and-include.o8", "can i help with strategic decisions about services"),
        ("communicate.c1", "will people try to understand me"),
        ("communicate.c2", "can information be made accessible for me"),
        ("communicate.c3", "will staff be honest and kind"),
        ("communicate.o1", "will there be time for me to speak in my own way"),
        ("communicate.o2", "will i get information in good time"),
        ("communicate.o3", "can i have breaks"),
        ("communicate.o4", "will the listening be calm"),
        ("communicate.o5", "will someone follow up with me"),
        ("communicate.o6", "will conversations be two way"),
        ("communicate.o7", "will people be sarcastic to me"),
        ("communicate.o8", "can we talk about the best way to communicate"),
        ("communicate.o9", "do you use visual aids"),
        ("work-in-partnership.c1", "do you work together for better outcomes"),
        ("work-in-partnership.c2", "will people share information"),
        ("work-in-partnership.c3", "people are busy, is that understood"),
        ("work-in-partnership.o1", "who counts as a stakeholder"),
        ("work-in-partnership.o2", "can i give feedback to improve things"),
        ("work-in-partnership.o3", "can we solve problems as a team"),
        ("work-in-partnership.o4", "is everyone's contribution equal"),
        ("work-in-partnership.o5", "do we all play a part"),
        ("work-in-partnership.o6", "is participation in decision making encouraged"),
        ("work-in-partnership.o7", "who develops plans and sets targets"),
        ("work-in-partnership.o8", "do you recognise time pressures"),
    ]

    @Test func everyStatementHasAQuestion() {
        let covered = Set(Self.questions.map(\.0))
        let all = Set(TestSupport.content.charter.allStatements.map(\.id))
        #expect(covered == all)
    }

    @Test(arguments: questions)
    func statementIsReachable(statementID: String, question: String) async throws {
        let statement = try #require(TestSupport.content.charter.statement(id: statementID))
        let reply = await TestSupport.assistant().respond(to: question, channel: .cli)
        #expect(reply.answered, "'\(question)' was not answered: \(reply.reply)")
        #expect(
            reply.sources.contains { $0.text == statement.text }, "'\(question)' → \(reply.intent), not \(statementID)")
        #expect(reply.reply.contains(statement.text))
    }
}
