/// One way log events (or AWS configuration) reach disk. A new container is one file with a
/// type conforming to this protocol and one entry in `ContainerReaders.all`; its `examples`
/// (files under `samples/`) are then checked by `ContainerReaderTests` to be recognised by this
/// entry and read without a problem.
protocol ContainerReader: Sendable {
    /// Stored in `source.container` unless `read` names a more precise one.
    var name: String { get }
    /// Real example files, relative to `samples/`, that this entry must recognise first.
    var examples: [String] { get }
    /// What reading it stores (log events unless said otherwise).
    var yields: ContainerYield { get }
    /// Whether a file with this content sample and path is this container.
    func recognises(_ sample: ContentSample) -> Bool
    /// Reads the content into `sink`; returns the container's name as read (`name` or a variant).
    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String
}

extension ContainerReader {
    var yields: ContainerYield { .events }
}
