import Testing

@testable import DialogueEngine

@Suite struct RedactorTests {
    let redactor = Redactor()

    @Test(arguments: [
        // Email addresses
        ("email me at jo.bloggs@example.com please", "email me at [email] please"),
        ("my email is JO_B+1@mail.co.uk", "my email is [email]"),
        ("sam (at) school.org", "[email]"),
        // UK phone numbers
        ("call 07700 900123", "call [phone]"),
        ("ring me on 07700900123", "ring me on [phone]"),
        ("my number is +44 7700 900123", "my number is [phone]"),
        ("landline 01782 123456", "landline [phone]"),
        ("(01782) 123 456 anytime", "[phone] anytime"),
        ("0300-123-4567", "[phone]"),
        // Postcodes
        ("i live at ST4 1HH", "i live at [postcode]"),
        ("postcode st41hh", "postcode [postcode]"),
        ("near M1 1AE", "near [postcode]"),
        ("EC1A 1BB is london", "[postcode] is london"),
        // Dates of birth
        ("born 03/04/2012", "born [date]"),
        ("dob 3-4-12", "dob [date]"),
        ("my birthday is 3rd April 2011", "my birthday is [date]"),
        ("born on the 2 dec", "born on the [date]"),
        ("12 sept. 2010 was my birthday", "[date] was my birthday"),
        ("born 3 febuary 2012", "born [date]"),
        ("on 12 decemeber", "on [date]"),
        // Words that only start like a month are not dates.
        ("do i get 2 decide", "do i get 2 decide"),
        ("i have 3 marks on my work", "i have 3 marks on my work"),
        ("we met 4 octopus keepers", "we met 4 octopus keepers"),
        // Long digit runs (NHS numbers and the like)
        ("nhs number 485 777 3456", "nhs number [number]"),
        ("ref 12345678", "ref [number]"),
        // Names
        ("my name is Sam Smith and i need help", "my name is [name] and i need help"),
        ("my name is sam", "my name is [name]"),
        ("I'm called Priya", "I'm called [name]"),
        ("call me jay", "call me [name]"),
        ("Hi I'm Leo", "Hi I'm [name]"),
        // Addresses
        ("i live at 12 Hanley Road", "i live at [address]"),
        ("send it to 4a Church Street please", "send it to [address] please"),
        ("I am Jo and I need help", "I am [name] and I need help"),
        ("my date of birth is 01/02/2010", "my date of birth is [date]"),
        ("flat 3, 22 Stoke Road", "flat 3, [address]"),
        ("my email: A.B@EXAMPLE.ORG", "my email: [email]"),
        ("07700-900-123", "[phone]"),
        // Leads and names apart by other white space, and capitals anywhere in the lead.
        ("hi im\tSam", "hi im [name]"),
        ("ITS\u{00A0}Jo here", "ITS [name] here"),
        ("This Is Mo", "This Is [name]"),
        ("MY NAME IS kai", "MY NAME IS [name]"),
        // Nothing personal
        ("what is co-production", "what is co-production"),
        ("will people listen to me", "will people listen to me"),
        ("i am worried about the meeting", "i am worried about the meeting"),
        ("the 4 cornerstones", "the 4 cornerstones"),
        ("can i have a break", "can i have a break"),
        ("i'm autistic", "i'm autistic"),
        ("year 9", "year 9"),
        ("is it ok", "is it ok"),
        ("page 12", "page 12"),
        // Mixed
        ("I'm Ana, ana@x.org, 07700 900456", "I'm [name], [email], [phone]"),
        ("my name is Tom my postcode is ST1 5AB", "my name is [name] my postcode is [postcode]"),
        ("text 07123456789 or email a@b.com", "text [phone] or email [email]"),
        ("born on 12.05.2010 at 2 Main Road", "born on [date] at [address]"),
        ("my son Jack's nhs no is 9434765919", "my son Jack's nhs no is [number]"),
        ("contact me on 07700 900 123 after 5", "contact me on [phone] after 5"),
        // Digits of other scripts are digits to the patterns too.
        ("ring ０７７００ ９００１２３ please", "ring [number] please"),
        ("born ٠٣/٠٤/٢٠١٢", "born [date]"),
        // Digits without what the digit rules also need: nothing to redact.
        ("wil ppl lisen 2 me", "wil ppl lisen 2 me"),
        ("what is 12 times 7", "what is 12 times 7"),
        ("i was born on 3 may", "i was born on [date]"),
        ("i live at 12 hanley rd", "i live at [address]"),
        // Leads that only the capitalised rule uses.
        ("i am Worried", "i am [name]"),
        ("this is hard", "this is hard"),
        ("its ok", "its ok"),
    ])
    func redacts(input: String, stored: String) {
        #expect(redactor.redact(input) == stored)
    }

    /// The redactor skips a rule when a cheap test says it cannot match. On generated messages
    /// (names, leads, digits, "@", odd spacing and capitals), the result must be the same as running
    /// every rule.
    @Test func skippingRulesNeverLetsPersonalDataThrough() {
        var state: UInt64 = 5
        func pick<T>(_ items: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return items[Int(state >> 33) % items.count]
        }
        let pieces = [
            "my name is", "I'm", "im", "its", "this is", "call me", "Sam", "sam", "O'Neil", "Jo-Ann", "i am", "I AM",
            "worried", "a@b.com", "07700 900123", "ST4 1HH", "3rd may", "12 Hanley Road", "[", "(at)", "Zoë", "É",
            "called", "NAME", "0", "7", "44", "+44", "12", "/", "-", ".", "2010", "may", "road", "st", "(0)", "１",
            "٣", "９００", "[phone]", "a", "b1", "3 may", "mar", "Road", "rd", "St", "ſt", "ſep", "K1 2ab", "x0", "+",
            "2", "times", "jan2", "st's", "road_x",
        ]
        let gaps = [" ", "  ", "\t", "\u{00A0}", ", ", ""]
        var redacted = 0
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<4 { text += pick(pieces) + pick(gaps) }
            let result = redactor.redact(text)
            #expect(result == redactor.applyingEveryRule(to: text, stripping: false), "\(text.debugDescription)")
            #expect(
                redactor.strip(text) == redactor.applyingEveryRule(to: text, stripping: true),
                "strip \(text.debugDescription)")
            #expect(redactor.redactAndStrip(text) == (result, redactor.strip(text)), "both \(text.debugDescription)")
            if result != text { redacted += 1 }
        }
        #expect(redacted > 500)
    }
}
