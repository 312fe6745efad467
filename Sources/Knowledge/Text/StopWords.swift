/// Words too common to tell one question from another. They are kept for phrase checks (small talk,
/// safeguarding, follow-ups) but carry no weight in the keyword index.
public enum StopWords {
    /// Returns true when `word` (folded) is a stop word.
    public static func contains(_ word: String) -> Bool {
        words.contains(word)
    }

    /// Every stop word.
    public static var all: Set<String> { words }

    static let words: Set<String> = [
        "a", "about", "actually", "again", "all", "also", "always", "am", "an", "and", "another", "any",
        "anyway",
        "are", "arent", "as", "at",
        "be", "because", "been", "before", "being", "both", "but", "by",
        "came", "can", "cant", "come", "comes", "coming", "could", "couldnt",
        "did", "didnt", "do", "does", "doesnt", "doing", "dont", "done",
        "bro", "bruh", "btw", "each", "else", "even", "ever", "fr", "haha", "hahaha", "hmm", "innit", "lmao", "lol",
        "many", "ngl", "omg",
        "tbh",
        "for", "from",
        "get", "gets", "getting", "go", "goes", "going", "gonna", "got",
        "had", "hadnt", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
        "i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it", "its", "ive",
        "just", "keep", "keeps", "kept",
        "let", "lets", "literally", "lot", "lots",
        "maybe", "me", "might", "mine", "more", "most", "much", "must", "mustnt", "my", "myself",
        "not", "of", "off", "often", "oh", "on", "one", "ones", "only", "or", "other", "others", "our", "ours", "out",
        "over",
        "please", "pls", "probably",
        "put", "quite",
        "really",
        "shall", "she", "should", "shouldnt", "so", "some", "sometimes", "such",
        "than", "that", "thats", "the", "their", "theirs", "them", "then", "there", "theres", "these",
        "they", "theyd", "theyre", "theyve", "thing", "things", "this", "those", "though", "to", "too",
        "um", "uh", "up", "us",
        "usually", "very",
        "was", "wasnt", "well", "went", "we", "were", "weve", "what", "whats", "when", "where", "which", "who", "whos",
        "why",
        "will", "with", "wont", "would", "wouldnt",
        "yeah", "yes", "you", "youd", "youll", "your", "youre", "yours", "yourself", "youve",
    ]
}
