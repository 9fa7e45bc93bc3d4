"""Speed and scale of ``reslint check`` against ftfy, codespell and typos, as tables.

    python bench/speed.py                 # everything (about 10-20 minutes on 2 cores)
    python bench/speed.py --quick         # skip the 50 MB file and the 10 MB line
    python bench/speed.py --only startup,rules

Every tool runs as its own process on copies of the same files (the real UN extractions
of all six extractors). Times are CPU seconds (user + system of the process and its
children, from ``wait4``), which other load on the machine does not inflate; wall-clock
seconds are shown beside them and are what the parallel speed-up and the cache compare.
Throughput is MB of UTF-8 input per CPU second; ratios are reslint's throughput divided
by the other tool's (above 1: reslint is faster).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, require_corpus, un_extractions  # noqa: E402

BIN = Path(sys.executable).parent
RESLINT = str(BIN / "reslint")
# ``reslint`` run by a wrapper that reports its peak resident memory (VmHWM): the rusage of a
# forked child also counts the parent's memory before ``exec``.
PEAK = [
    sys.executable,
    "-c",
    """
import sys
from reslint.cli import main
try:
    code = main(sys.argv[1:])
finally:
    with open("/proc/self/status") as fh:
        peak = next((line.split()[1] for line in fh if line.startswith("VmHWM:")), "")
    sys.stderr.write(f"\\nbench-peak-kb {peak}\\n")
sys.exit(code)
""",
]
SECTIONS = ("throughput", "rules", "parallel", "cache", "startup", "scaling")
BIG_TIMEOUT = 1800.0
FTFY_SCRIPT = """
import sys, ftfy
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        ftfy.fix_text(fh.read())
"""


@dataclass
class Run:
    """One measured process."""

    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def timed_out(self) -> bool:
        return self.returncode == -signal.SIGKILL


def measure(cmd: Sequence[str], cwd: Path | None = None, timeout: float = BIG_TIMEOUT) -> Run:
    """Run ``cmd``; its wall time, CPU time and peak resident memory (itself or a child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd)
        timer = _killer(proc.pid, timeout)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stderr = err.read()
        peak = re.search(rb"bench-peak-kb (\d+)", stderr)
        peak_kb = int(peak.group(1)) if peak else usage.ru_maxrss
        return Run(wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024, proc.returncode, out.read(), stderr)


def _killer(pid: int, timeout: float) -> Any:
    import threading

    def kill() -> None:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.daemon = True
    timer.start()
    return timer


def best(cmd: Sequence[str], repeat: int, cwd: Path | None = None) -> Run:
    """The run with the least CPU time of ``repeat`` runs."""
    return min((measure(cmd, cwd) for _ in range(repeat)), key=lambda r: r.cpu)


def copy_tree(files: list[Path], dest: Path) -> Path:
    """Writable copies of ``files`` under ``dest/<extractor>/``."""
    for path in files:
        target = dest / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return dest


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def mbps(megabytes: float, seconds: float) -> str:
    return f"{megabytes / seconds:.2f}" if seconds > 0 else "-"


def status(run: Run, found: int = 1) -> str:
    """``ok`` for exit 0 or the tool's "found something" code ``found``."""
    if run.timed_out:
        return "timed out"
    return "ok" if run.returncode in (0, found) else f"exit {run.returncode}"


# --- sections ---------------------------------------------------------------------------------


def throughput(work: Path, files: list[Path], megabytes: float, repeat: int) -> str:
    corpus = work / "tp"
    check = best([RESLINT, "check", "--no-cache", "--jobs", "1", "-q", "--statistics", str(corpus)], repeat)
    fix = min((_fix_run(files, work / f"tp-fix-{i}") for i in range(repeat)), key=lambda r: r.cpu)
    texts = [str(p) for p in sorted(corpus.rglob("*.txt"))]
    codespell, typos = BIN / "codespell", BIN / "typos"
    rows: list[tuple[str, Run | None, int]] = [  # name, run, the tool's "found something" exit code
        ("reslint check (default rules)", check, 1),
        ("reslint check --fix", fix, 1),
        ("ftfy.fix_text (in one process)", best([sys.executable, "-c", FTFY_SCRIPT, *texts], repeat), 0),
        ("codespell", best([str(codespell), str(corpus)], repeat) if codespell.exists() else None, 65),
        (
            "typos --threads 1",
            best([str(typos), "--threads", "1", str(corpus)], repeat) if typos.exists() else None,
            2,
        ),
    ]
    reference = megabytes / check.cpu
    out = []
    for name, run, found in rows:
        if run is None:
            out.append((name, "not installed (pip install codespell typos)", "", "", "", ""))
            continue
        rate = megabytes / run.cpu
        ratio = "—" if name.startswith("reslint") else f"{reference / rate:.3f}"
        out.append((name, f"{run.cpu:.2f}", f"{run.wall:.2f}", f"{rate:.2f}", ratio, status(run, found)))
    head = (
        f"Throughput on {len(files)} UN extractions ({megabytes:.2f} MB, six extractors), one core each\n\n"
    )
    headers = ("tool", "CPU s", "wall s", "MB/s (CPU)", "reslint check ÷ tool", "status")
    return head + table(headers, out)


def _fix_run(files: list[Path], dest: Path) -> Run:
    """``reslint check --fix`` on fresh copies of ``files`` under ``dest``."""
    fixed = copy_tree(files, dest)
    return measure([RESLINT, "check", "--no-cache", "--jobs", "1", "-q", "--statistics", "--fix", str(fixed)])


def rules(corpus: Path, top: int) -> str:
    """The per-rule table of ``reslint check --profile``."""
    profiled = measure([RESLINT, "check", "--profile", "-q", "--statistics", str(corpus)])
    lines = profiled.stderr.decode().splitlines()
    body = [ln.split() for ln in lines if re.match(r"^[A-Z]{1,5}[0-9]{3} ", ln)]
    totals = [ln.split() for ln in lines if "all rules" in ln or "whole run" in ln]
    out = [tuple(r) for r in body[:top]] + [("", " ".join(r[:-3]), *r[-3:]) for r in totals]
    return "Per-rule cost (`reslint check --profile`, CPU seconds, slowest first)\n\n" + table(
        ("rule", "name", "CPU s", "share", "MB/s"), out
    )


def parallel(work: Path, megabytes: float) -> str:
    """``--jobs 1`` against ``--jobs 2`` (and all cores): wall clock, and the CPU the workers
    add (process start, dictionaries loaded per worker, results sent back), which the load
    of other processes on the machine does not hide as it hides the wall-clock speed-up."""
    corpus = work / "tp"
    rows = []
    serial: Run | None = None
    for jobs in dict.fromkeys((1, 2, os.cpu_count() or 2)):
        load = os.getloadavg()[0]
        cmd = [RESLINT, "check", "--no-cache", "--jobs", str(jobs), "-q", "--output-format", "concise"]
        run = measure([*cmd, str(corpus)])
        serial = serial or run
        same = "" if run is serial else ("identical" if run.stdout == serial.stdout else "DIFFERENT")
        rows.append(
            (
                f"--jobs {jobs}",
                f"{run.wall:.2f}",
                f"{run.cpu:.2f}",
                mbps(megabytes, run.wall),
                f"{serial.wall / run.wall:.2f}×",
                f"{run.cpu / serial.cpu:.2f}",
                f"{load:.1f}",
                same,
            )
        )
    head = f"Parallel speed-up on the same {megabytes:.2f} MB ({os.cpu_count()} cores; wall clock)\n\n"
    headers = ("run", "wall s", "CPU s", "MB/s (wall)", "speed-up", "CPU ÷ --jobs 1", "load", "output")
    return head + table(headers, rows)


def cache(work: Path) -> str:
    corpus, folder = work / "tp", work / "cache"
    cmd = [RESLINT, "check", "-q", "--statistics", "--cache-dir", str(folder), str(corpus)]
    cold = measure(cmd)
    warm = best(cmd, 2)
    same = "identical" if cold.stdout == warm.stdout else "DIFFERENT"
    rows = [
        ("first run (cold cache)", f"{cold.wall:.2f}", f"{cold.cpu:.2f}", ""),
        ("second run, unchanged files", f"{warm.wall:.2f}", f"{warm.cpu:.2f}", same),
    ]
    return "Cache (same corpus, default --jobs)\n\n" + table(("run", "wall s", "CPU s", "output"), rows)


def startup(work: Path, repeat: int) -> str:
    """Start-up of small runs, as pre-commit makes them: bytecode cached (a ``PYTHONPYCACHEPREFIX``
    under ``work``, whatever ``PYTHONDONTWRITEBYTECODE`` says) and the word-frequency store built,
    except in the "first run" row, which builds it in a fresh user cache each time."""
    small = work / "small.txt"
    # A French extraction with word artifacts (split words, line-end hyphens), so the
    # dictionary is consulted: 3 WD001, 6 WD002.
    source = CORPUS / "fr-typeset" / "A_RES_72_194_kern" / "text" / "pymupdf.txt"
    small.write_text(source.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    check = [RESLINT, "check", "--no-cache", "--lang", "fr", str(small)]
    cached = [*check[:2], "--cache-dir", str(work / "startup-cache"), *check[3:]]
    commands = {
        "reslint --version": [RESLINT, "--version"],
        "python -c 'import reslint'": [sys.executable, "-c", "import reslint"],
        "python -c 'pass' (interpreter alone)": [sys.executable, "-c", "pass"],
        "reslint check small.txt (3 kB, fr, with word artifacts)": check,
        "reslint check small.txt (cached)": cached,
        "reslint check small.txt, first run (builds the fr word-frequency store)": check,
    }
    user_cache = work / "startup-user-cache"
    saved = dict(os.environ)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.update(PYTHONPYCACHEPREFIX=str(work / "pycache"), RESLINT_USER_CACHE_DIR=str(user_cache))
    try:
        measure(check)  # writes the bytecode and the store
        rows = []
        for name, cmd in commands.items():
            runs = []
            for _ in range(repeat):
                if "first run" in name:
                    shutil.rmtree(user_cache, ignore_errors=True)
                runs.append(measure(cmd))
            rows.append((name, f"{min(r.wall for r in runs):.3f}", f"{min(r.cpu for r in runs):.3f}"))
        costs = import_costs(small)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    out = f"Start-up (best of {repeat}; target < 0.3 s)\n\n"
    out += table(("command", "wall s", "CPU s"), rows)
    return out + "\n\n" + costs


def import_costs(small: Path, top: int = 12) -> str:
    """Cumulative import time of the heaviest modules in ``reslint check small.txt`` (the second
    run: the first with this ``sys.path`` reads the plugin entry points through importlib.metadata)."""
    script = "import sys; from reslint.cli import main; main(sys.argv[1:])"
    cmd = [sys.executable, "-X", "importtime", "-c", script, "check", "--no-cache", "--lang=fr", str(small)]
    measure(cmd)
    run = measure(cmd)
    costs: dict[str, int] = {}
    for line in run.stderr.decode().splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match and (len(match.group(3)) <= 3 or match.group(4).startswith("reslint_rules.")):
            name = match.group(4)
            if name.count(".") <= 1:
                costs[name] = max(costs.get(name, 0), int(match.group(2)))
    heaviest = sorted(costs.items(), key=lambda kv: -kv[1])[:top]
    rows = [(name, f"{us / 1000:.1f}") for name, us in heaviest]
    return (
        "Heaviest imports of `reslint check small.txt` (cumulative ms, `python -X importtime`)\n\n"
        + table(("module", "ms"), rows)
    )


def scaling(work: Path, files: list[Path], quick: bool) -> str:
    base = max((p for p in files if p.parent.name == "pdftotext"), key=lambda p: p.stat().st_size)
    text = base.read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    per_mb_1 = None
    for times in (1, 10, 100):
        path = work / f"repeat{times}.txt"
        path.write_text(text * times, encoding="utf-8")
        mb = path.stat().st_size / 1e6
        run = measure([*PEAK, "check", "--no-cache", "-q", "--statistics", "--lang", "en", str(path)])
        fix = measure(
            [*PEAK, "check", "--no-cache", "-q", "--statistics", "--lang", "en", "--fix", str(path)]
        )
        per_mb = run.cpu / mb
        per_mb_1 = per_mb_1 or per_mb
        rows.append(
            (
                f"{base.name} × {times}",
                f"{mb:.2f}",
                f"{run.cpu:.2f}",
                f"{per_mb:.2f}",
                f"{per_mb / per_mb_1:.2f}",
                f"{run.peak_mb:.0f}",
                f"{fix.cpu:.2f}",
                f"{fix.peak_mb:.0f}",
                status(run) + "/" + status(fix),
            )
        )
    if not quick:
        rows += [
            _big(work / "big.txt", files, 50_000_000, "\n"),
            _big(work / "oneline.txt", files, 10_000_000, " "),
        ]
    headers = (
        "input",
        "MB",
        "check CPU s",
        "s per MB",
        "vs 1×",
        "check peak MB",
        "fix CPU s",
        "fix peak MB",
        "status",
    )
    return "Cost growth (one process; `vs 1×` near 1.0 means linear)\n\n" + table(headers, rows)


def _big(path: Path, files: list[Path], size: int, joiner: str) -> tuple[str, ...]:
    """A file of about ``size`` bytes from the corpus texts (``joiner`` " ": one line)."""
    parts, total = [], 0
    while total < size:
        for p in files:
            chunk = p.read_text(encoding="utf-8")
            chunk = chunk.replace("\n", " ") if joiner == " " else chunk
            parts.append(chunk)
            total += len(chunk.encode("utf-8"))
            if total >= size:
                break
    path.write_text(joiner.join(parts), encoding="utf-8")
    mb = path.stat().st_size / 1e6
    run = measure([*PEAK, "check", "--no-cache", "-q", "--statistics", str(path)])
    name = "one 10 MB line" if joiner == " " else "50 MB file"
    return (
        name,
        f"{mb:.2f}",
        f"{run.cpu:.2f}",
        f"{run.cpu / mb:.2f}",
        "",
        f"{run.peak_mb:.0f}",
        "",
        "",
        f"{status(run)} (wall {run.wall:.0f} s)",
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--quick", action="store_true", help="skip the 50 MB file and the 10 MB line")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the short measurements (best kept)")
    parser.add_argument("--top", type=int, default=15, help="rules shown in the per-rule table")
    args = parser.parse_args()
    require_corpus()
    wanted = set(args.only.split(",")) if args.only else set(SECTIONS)
    files = un_extractions()
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(
        f"reslint bench on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M %Z')}, "
        f"load average {os.getloadavg()[0]:.1f}\n"
    )
    with tempfile.TemporaryDirectory(prefix="reslint-bench-") as tmp:
        work = Path(tmp)
        copy_tree(files, work / "tp")
        for name, section in (
            ("throughput", lambda: throughput(work, files, megabytes, args.repeat)),
            ("rules", lambda: rules(work / "tp", args.top)),
            ("parallel", lambda: parallel(work, megabytes)),
            ("cache", lambda: cache(work)),
            ("startup", lambda: startup(work, max(args.repeat, 5))),
            ("scaling", lambda: scaling(work, files, args.quick)),
        ):
            if name in wanted:
                load = os.getloadavg()[0]
                print(f"[{name}: {time.strftime('%H:%M %Z')}, load average {load:.1f}]", flush=True)
                print(section() + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
