/// Where a council's content is read from: its own folder (the council layer) and the base layer
/// it builds on.
///
/// A folder holding `council.yaml` is a council layer: the base is the folder named by its `base:`
/// key, else a `base` folder beside it, else ``defaultBase`` (the base built into the program). A
/// folder without `council.yaml` is read alone, as one complete layer.
public struct ContentSource: Sendable, Equatable {
    /// The council's folder: `charter.md`, `council.yaml` and its own intents. Staff changes
    /// (`learned.yaml`) are written here.
    public var directory: String
    /// The base layer to use when the council's folder names none and has no `base` beside it.
    public var defaultBase: String?

    /// Names the folders.
    public init(directory: String, defaultBase: String? = nil) {
        self.directory = directory
        self.defaultBase = defaultBase
    }
}
