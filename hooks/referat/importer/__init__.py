"""Import minutes from text, HTML and PDF into meeting files."""
