"""Right-to-left scripts, whose visual-order extractions the spacing rules must not touch."""

# Lookahead put before a character class: the character is not of a right-to-left script.
# Extractors print Arabic in visual order (`رجب مهتم صخش لك .`), where a space before a
# full stop or a bracket is reversed layout for the scripts family to restore, not a gap.
NOT_RTL = r"(?![\p{Arabic}\p{Hebrew}\p{Syriac}\p{Thaana}\p{Nko}])"
