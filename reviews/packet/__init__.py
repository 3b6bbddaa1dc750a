"""The promotion packet: documents, their Markdown, promotion attempts and committee gaps."""
