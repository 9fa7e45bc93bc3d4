"""wordfreq's word frequencies, stored on disk once per language and read without importing wordfreq.

wordfreq keeps a language as centibel buckets (bucket ``i`` holds the words of frequency
``10 ** (-i / 100)``). Importing it (0.2 s: it pulls langcodes) and building a dict of a whole
table (0.15 s for French, 0.5 s for Russian) used to be most of a small run. The first use of
a language now writes a store of its table to ``user_cache_dir()/wordfreq/`` (named after
wordfreq's data file path, size and mtime): the words in bucket order and an open-addressing
hash index, read through mmap, so a lookup costs ~2 µs and opening it ~1 ms. After
``LOAD_AFTER`` words asked in a process the table is loaded whole into a dict, since a large
document or a long run asks for many more. The frequencies are exactly wordfreq's.

A store is written to a temporary file renamed into place, so concurrent runs (``--jobs``,
several pre-commit hooks) never read a partial one. When the cache is unwritable or a store
is unreadable, the table comes from wordfreq as before.
"""

from __future__ import annotations

import contextlib
import importlib.util
import mmap
import struct
import sys
import threading
import zlib
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate
from pathlib import Path

from reslint.api import replace_atomically, user_cache_dir

FORMAT = 1
MAGIC = b"RSLWFQ\x00" + bytes([FORMAT])
HEADER = struct.Struct("=8s5I")  # magic, words, buckets, slots, longest probe, blob bytes
# Store lookups after which a process loads the whole table (~2 µs each vs ~0.15-0.5 s).
LOAD_AFTER = 60_000
# What reading a missing, truncated or foreign file raises.
UNREADABLE = (OSError, ValueError, TypeError, struct.error)


def bucket_frequency(bucket: int) -> float:
    """The frequency of wordfreq's bucket ``bucket`` (its ``cB_to_freq(-bucket)``)."""
    return 10 ** (-bucket / 100)


class Store:
    """One language's table as written by :func:`build_store`, memory-mapped read-only."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, words, buckets, slots, self._probes, blob = HEADER.unpack_from(self._map)
        arrays = HEADER.size + 4 * (buckets + words + 1 + slots)
        if magic != MAGIC or not slots or slots & (slots - 1) or len(self._map) != arrays + blob:
            raise ValueError(f"{path} is not a word-frequency store")
        view = memoryview(self._map)[HEADER.size : arrays].cast("I")
        self.ends = view[:buckets]  # ends[i]: the number of words in buckets 0..i
        self._offsets = view[buckets : buckets + words + 1]  # word k: blob[offsets[k]:offsets[k+1] - 1]
        self._slots = view[buckets + words + 1 :]  # word index + 1, 0 for an empty slot
        self._blob = arrays
        self._mask = slots - 1

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def bucket(self, word: str) -> int | None:
        """The bucket of ``word``, None if the table does not have it."""
        key = word.encode("utf-8", "surrogatepass")
        at = zlib.crc32(key) & self._mask
        for _ in range(self._probes):
            k = self._slots[at]
            if not k:
                return None
            start = self._blob + self._offsets[k - 1]
            if self._map[start : self._blob + self._offsets[k] - 1] == key:
                return bisect_right(self.ends, k - 1)
            at = (at + 1) & self._mask
        return None

    def words(self, buckets: int) -> list[str]:
        """The words of the first ``buckets`` buckets, in bucket order."""
        count = self.ends[buckets - 1] if buckets else 0
        end = self._blob + self._offsets[count]
        return str(self._map[self._blob : end], "utf-8").split("\n")[:count]

    def load(self) -> dict[str, float]:
        """The whole table as a dict, as ``wordfreq.get_frequency_dict`` gives it."""
        words = self.words(len(self.ends))
        table: dict[str, float] = {}
        start = 0
        for bucket, end in enumerate(self.ends):
            if end > start:
                table.update(dict.fromkeys(words[start:end], bucket_frequency(bucket)))
                start = end
        return table


def build_store(buckets: Iterable[Sequence[str]], path: Path) -> None:
    """Write the table given as wordfreq's bucket lists to ``path`` (atomically; ~0.5 s for French)."""
    last: dict[str, int] = {}
    total = 0
    for i, bucket in enumerate(buckets):
        last.update(dict.fromkeys(bucket, i))  # as in a dict of the table, the last bucket wins
        total += len(bucket)
    ordered = list(last) if len(last) == total else sorted(last, key=last.__getitem__)
    blob = ("\n".join(ordered) + "\n").encode("utf-8")
    keys = blob.split(b"\n")[:-1]
    if len(keys) != len(ordered) or array("I").itemsize != 4:  # a word with a newline
        raise ValueError("cannot store this table")
    size = 1 << (2 * len(keys)).bit_length()  # at most half full: short probes
    mask, slots, probes = size - 1, [0] * size, 1
    for k, code in enumerate(map(zlib.crc32, keys), 1):
        at = code & mask
        if slots[at]:
            probe = 1
            while slots[at]:
                at, probe = (at + 1) & mask, probe + 1
            probes = max(probes, probe)
        slots[at] = k
    counts = Counter(last.values())
    ends = array("I", accumulate(counts[i] for i in range(max(counts, default=-1) + 1)))
    offsets = array("I", accumulate(map((1).__add__, map(len, keys)), initial=0))
    header = HEADER.pack(MAGIC, len(keys), len(ends), size, probes, len(blob))
    data = (header, ends.tobytes(), offsets.tobytes(), array("I", slots).tobytes(), blob)
    replace_atomically(path, b"".join(data))


def wordfreq_file(lang: str) -> Path | None:
    """The data file wordfreq reads for ``lang`` (its 'best' list), found without importing it."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    for size in ("large", "small"):
        path = data / f"{size}_{lang}.msgpack.gz"
        if path.is_file():
            return path
    return None


def store_path(source: Path) -> Path:
    """Where the store of wordfreq's data file ``source`` is cached (changes with the file)."""
    stat = source.stat()
    lang = source.name.split(".")[0]
    where = zlib.crc32(str(source.resolve()).encode("utf-8", "surrogatepass"))
    name = f"{lang}-{where:08x}-{stat.st_size}-{stat.st_mtime_ns}-v{FORMAT}{sys.byteorder[0]}.bin"
    return user_cache_dir() / "wordfreq" / name


def open_store(lang: str) -> Store | None:
    """The store of ``lang``, built on first use; None when it cannot be read or written."""
    try:
        source = wordfreq_file(lang)
        if source is None:
            return None
        path = store_path(source)
        with contextlib.suppress(*UNREADABLE):
            return Store(path)
        path.parent.mkdir(parents=True, exist_ok=True)  # fails early when the cache is unwritable
        import wordfreq

        build_store(wordfreq.get_frequency_list(lang), path)
        store = Store(path)
    except UNREADABLE:
        return None
    for old in path.parent.glob(f"{path.name.rsplit('-', 3)[0]}-*.bin"):  # the same file before an upgrade
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return store


class Frequencies:
    """One language's word → frequency table: read from the store while few words are asked,
    then (or without a store) from a dict of the whole table."""

    def __init__(self, lang: str) -> None:
        self._store = open_store(lang)
        self._table: dict[str, float] | None = None
        if self._store is None:
            import wordfreq  # deferred: importing it and loading a table costs 0.3 s or more

            self._table = wordfreq.get_frequency_dict(lang)
        self._asked = 0
        self._common: dict[float, frozenset[str]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._table) if self._table is not None else len(self._store or ())

    def get(self, word: str, default: float = 0.0) -> float:
        """The frequency of ``word`` (lower case), ``default`` if unknown."""
        table = self._whole(1)
        if table is not None:
            return table.get(word, default)
        bucket = self._lookup(word)
        return default if bucket is None else bucket_frequency(bucket)

    def common_among(self, words: set[str], least: float) -> set[str]:
        """The words of ``words`` of two letters or more and of frequency ``least`` or above."""
        table = self._whole(len(words))
        if table is None:
            found = ((w, self._lookup(w)) for w in words if len(w) > 1)
            return {w for w, bucket in found if bucket is not None and bucket_frequency(bucket) >= least}
        return words & self._common_words(table, least)

    def _common_words(self, table: dict[str, float], least: float) -> frozenset[str]:
        """All the words :meth:`common_among` accepts (built once: a set intersection then tests
        a whole text's word pairs at once)."""
        with self._lock:
            words = self._common.get(least)
            if words is None:
                words = frozenset(w for w, freq in table.items() if freq >= least and len(w) > 1)
                self._common[least] = words
            return words

    def _lookup(self, word: str) -> int | None:
        assert self._store is not None
        return self._store.bucket(word)

    def _whole(self, asking: int) -> dict[str, float] | None:
        """The whole table once the store has been asked ``LOAD_AFTER`` words, else None."""
        if self._table is None:
            self._asked += asking
            if self._asked > LOAD_AFTER:
                with self._lock:
                    if self._table is None and self._store is not None:
                        self._table = self._store.load()
        return self._table


_lock = threading.Lock()
_tables: dict[str, Frequencies] = {}


def frequencies(lang: str) -> Frequencies:
    """wordfreq's word → frequency table for ``lang`` (opened once per process)."""
    with _lock:
        table = _tables.get(lang)
        if table is None:
            table = _tables[lang] = Frequencies(lang)
        return table
