"""Exceptions the engine raises; the CLI maps them to exit code 2."""

from __future__ import annotations


class ReslintError(Exception):
    """Base class of every error reslint reports to the user."""


class ConfigError(ReslintError):
    """A configuration file, option or selector is invalid."""


class PluginError(ReslintError):
    """A required plugin could not be loaded."""


class FixError(ReslintError):
    """Fixes did not converge (a cycle, or too many passes); nothing should be written."""

    def __init__(self, message: str, codes: tuple[str, ...]) -> None:
        super().__init__(message)
        self.codes = codes


class InputError(ReslintError):
    """A file cannot be read as text (binary, undecodable, unreadable)."""
