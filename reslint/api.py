"""The public plugin API: everything a rule module may import from reslint."""

from reslint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from reslint.document import Document, Line, LineChange
from reslint.files import replace_atomically
from reslint.plugins import hookimpl
from reslint.rule import Rule
from reslint.user_cache import user_cache_dir

__all__ = [
    "Applicability",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "Line",
    "LineChange",
    "Rule",
    "Severity",
    "hookimpl",
    "replace_atomically",
    "user_cache_dir",
]
