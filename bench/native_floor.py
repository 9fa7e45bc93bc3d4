"""What a compiled scan of clean text costs: is the characters/typography target in reach of C?

    python bench/native_floor.py [--repeat N] [--cc CC]

Issue 6 asks that the ``characters`` and ``typography`` families cost on clean text within
20 % of reading it (``read + document``, see ``bench/characters_cost.py``). In Python they cost
about 3×. This script compiles three small C scans with the system compiler (``cc -O3
-march=native``; needs Python's headers) and times them on the same large clean French file,
against ``read + document``:

- ``table lookup, OR``: one 64 Ki-entry table lookup per character, nothing else: the floor of
  any table-driven scanner (screen characters, marks, word characters);
- ``one pass, scalar``: that lookup plus what the families look for on clean text: the
  suspicious characters (the CH screen, the families' own character class), the punctuation
  marks TY001/TY002 walk, and CH008's letter-spacing candidates (space, letter, space, letter,
  space, kept in a shift register): a fused, branch-light scalar loop;
- ``ASCII-or-control prefilter``: a loop the compiler vectorises (characters below U+0020 or
  from U+007F): what a SIMD first stage that hands only the rare characters to a table costs.

The table is built from the rules' own definitions (``reslint_rules.characters.screen.SCREEN``,
``reslint_rules.typography.punctuation.MARK_CHARS``, ``str.isalnum``), so the scans look for
what the rules look for. They only count; the rules' judgement (TY001's document convention,
CH008's segmentation) would come on top.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from characters_cost import best  # noqa: E402
from corpus import large_french_text, require_corpus  # noqa: E402

from reslint.api import Document  # noqa: E402
from reslint_rules.characters.screen import SCREEN  # noqa: E402
from reslint_rules.typography.punctuation import MARK_CHARS  # noqa: E402

SUSPICIOUS, MARK, SPACE, WORD = 1, 2, 4, 8

SOURCE = r"""
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define LOOP(T, BODY) { const T *p = data; \
    for (Py_ssize_t i = 0; i < n; i++) { unsigned c = p[i]; BODY } }
#define EACH_CHAR(BODY) do { \
    Py_ssize_t n = PyUnicode_GET_LENGTH(text); const void *data = PyUnicode_DATA(text); \
    switch (PyUnicode_KIND(text)) { \
    case PyUnicode_1BYTE_KIND: LOOP(Py_UCS1, BODY) break; \
    case PyUnicode_2BYTE_KIND: LOOP(Py_UCS2, BODY) break; \
    default: LOOP(Py_UCS4, BODY) } } while (0)

static PyObject *table_or(PyObject *self, PyObject *args) {
    PyObject *text; Py_buffer table; unsigned acc = 0;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &table)) return NULL;
    const unsigned char *t = table.buf;
    EACH_CHAR(acc |= c < 65536 ? t[c] : 1;);
    PyBuffer_Release(&table);
    return PyLong_FromUnsignedLong(acc);
}

static PyObject *one_pass(PyObject *self, PyObject *args) {
    PyObject *text; Py_buffer table; Py_ssize_t suspicious = 0, marks = 0, spaced = 0; unsigned key = 0;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &table)) return NULL;
    const unsigned char *t = table.buf;
    EACH_CHAR(
        unsigned f = c < 65536 ? t[c] : 1;
        suspicious += f & 1; marks += (f >> 1) & 1;
        key = ((key << 2) | ((f >> 2) & 3)) & 0x3FF;  /* 01 space, 10 word character */
        spaced += key == 0x199;  /* space, word, space, word, space */
    );
    PyBuffer_Release(&table);
    return Py_BuildValue("nnn", suspicious, marks, spaced);
}

static PyObject *prefilter(PyObject *self, PyObject *args) {
    PyObject *text; Py_ssize_t rare = 0;
    if (!PyArg_ParseTuple(args, "U", &text)) return NULL;
    EACH_CHAR(rare += (c < 0x20) | (c >= 0x7F););
    return PyLong_FromSsize_t(rare);
}

static PyMethodDef methods[] = {
    {"table_or", table_or, METH_VARARGS, NULL},
    {"one_pass", one_pass, METH_VARARGS, NULL},
    {"prefilter", prefilter, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "native_floor_scan", NULL, -1, methods};
PyMODINIT_FUNC PyInit_native_floor_scan(void) { return PyModule_Create(&module); }
"""


def compile_scan(cc: str, workdir: Path) -> ModuleType:
    """Build and import the C scans."""
    source = workdir / "native_floor_scan.c"
    source.write_text(SOURCE, encoding="utf-8")
    target = workdir / f"native_floor_scan{sysconfig.get_config_var('EXT_SUFFIX')}"
    include = sysconfig.get_paths()["include"]
    flags = ["-O3", "-march=native", "-shared", "-fPIC", f"-I{include}"]
    subprocess.run([cc, *flags, str(source), "-o", str(target)], check=True)
    spec = importlib.util.spec_from_file_location("native_floor_scan", target)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def flags_table() -> bytes:
    """Per BMP code point: suspicious (the CH screen), a punctuation mark, a space, a word character."""
    table = bytearray(65536)
    for code in range(65536):
        char = chr(code)
        flags = SUSPICIOUS if 0xD800 <= code < 0xE000 or SCREEN.match(char) else 0
        flags |= MARK if char in MARK_CHARS else 0
        flags |= SPACE if char == " " else WORD if char.isalnum() or char == "_" else 0
        table[code] = flags
    return bytes(table)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--cc", default=shutil.which("cc") or "cc")
    args = parser.parse_args()
    require_corpus()
    text = large_french_text()
    table = flags_table()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fr_gold_x8.txt"
        path.write_text(text, encoding="utf-8")
        scan = compile_scan(args.cc, Path(tmp))
        read = best(lambda: path.read_text(encoding="utf-8"), args.repeat)
        document = best(lambda: Document(text), args.repeat)
        rows = {
            "table lookup, OR": best(lambda: scan.table_or(text, table), args.repeat),
            "one pass, scalar": best(lambda: scan.one_pass(text, table), args.repeat),
            "ASCII-or-control prefilter": best(lambda: scan.prefilter(text), args.repeat),
        }
    baseline = read + document
    print(f"{len(text):,} characters; read {read * 1e3:.2f} ms + document {document * 1e3:.2f} ms; "
          f"the 20 % budget is {0.2 * baseline * 1e3:.2f} ms")
    print(f"one pass counts (suspicious, marks, letter-spacing candidates): {scan.one_pass(text, table)}")
    print(f"{'scan':<30}{'ms':>8}{'% of read+document':>21}")
    for name, cost in rows.items():
        print(f"{name:<30}{cost * 1e3:>8.3f}{cost / baseline:>21.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
