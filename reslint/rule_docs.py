"""``reslint rules`` (the table of rules) and ``reslint rule CODE|NAME`` (one rule's docs)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reslint.config import discover_config
from reslint.errors import ConfigError
from reslint.plugins import Registry, load_registry
from reslint.rule import Rule


def add_rule_parsers(sub: Any) -> None:
    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rules.set_defaults(func=run_rules)
    rule = sub.add_parser("rule", help="print the documentation of one rule")
    rule.add_argument("rule", metavar="CODE|NAME")
    rule.set_defaults(func=run_rule)


def rule_info(rule: Rule, plugin: str) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "family": rule.family,
        "plugin": plugin,
        "summary": rule.summary,
        "fix": rule.fix_safety.value if rule.fix_safety else "none",
        "default": "on" if rule.default_enabled else "off",
        "languages": sorted(rule.languages) if rule.languages is not None else "any",
    }


def _registry() -> Registry:
    """The plugins of the config that governs the current folder (``plugins`` key included)."""
    return load_registry(discover_config(Path.cwd()).plugins)


def run_rules(args: argparse.Namespace) -> int:
    registry = _registry()
    infos = [rule_info(r, registry.plugin_of.get(r.code, "?")) for r in registry.rules]
    if args.output_format == "json":
        json.dump(infos, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    columns = ("code", "name", "family", "fix", "default", "summary")
    widths = {c: max([len(c)] + [len(str(i[c])) for i in infos]) for c in columns[:-1]}
    header = "  ".join(c.upper().ljust(widths[c]) for c in columns[:-1]) + "  SUMMARY"
    print(header)
    for info in infos:
        langs = info["languages"]
        suffix = f" [{', '.join(langs)}]" if isinstance(langs, list) else ""
        print("  ".join(str(info[c]).ljust(widths[c]) for c in columns[:-1]) + f"  {info['summary']}{suffix}")
    for failure in registry.failures:
        print(f"warning: {failure}", file=sys.stderr)
    return 0


def run_rule(args: argparse.Namespace) -> int:
    registry = _registry()
    rule = registry.find(args.rule)
    if rule is None:
        raise ConfigError(f"no rule named {args.rule!r} (see `reslint rules`)")
    info = rule_info(rule, registry.plugin_of.get(rule.code, "?"))
    print(f"{rule.code} {rule.name} ({rule.family}; fix: {info['fix']}; default: {info['default']})")
    print()
    print(rule.documentation())
    return 0
