"""The on-disk word-frequency store gives exactly wordfreq's frequencies, and falls back to
wordfreq when the cache cannot be written or a store cannot be read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq

from reslint.entry_point_cache import entry_points
from reslint.user_cache import user_cache_dir
from reslint_rules import frequency_store
from reslint_rules.frequency_store import Frequencies, Store, build_store, open_store, store_path
from reslint_rules.scripts import lexicon

SAMPLES = {
    "fr": ["élaboration", "été", "ça", "à", "œuvre", "développement", "desti", "née", "xqzw", "Été", ""],
    "ru": ["организация", "ещё", "объединённых", "наций", "ё", "организацияя", "abc"],
    "ar": ["الأمم", "المتحدة", "الجمعية", "العامة", "ةدحتملا", "و", "\u064b", "الامم\u0640"],
}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RESLINT_USER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


# Every how many words of each bucket a test store keeps (the whole French table; Russian
# and Arabic ones are large and slow to build).
STEP = {"fr": 1, "ru": 7, "ar": 7}


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    """Stores of the French table and of part of the Russian and Arabic ones, built once."""
    folder = tmp_path_factory.mktemp("stores")
    built = {}
    for lang, step in STEP.items():
        build_store([bucket[::step] for bucket in wordfreq.get_frequency_list(lang)], folder / lang)
        built[lang] = Store(folder / lang)
    return built


@pytest.mark.parametrize("lang", sorted(STEP))
def test_lookups_equal_wordfreq(stores: dict[str, Store], lang: str) -> None:
    table = wordfreq.get_frequency_dict(lang)
    kept = [w for bucket in wordfreq.get_frequency_list(lang) for w in bucket[:: STEP[lang]]]
    unknown = [w for w in SAMPLES[lang] if w not in table]
    assert unknown and len(unknown) < len(SAMPLES[lang])
    for word in [*kept[::97], *(set(SAMPLES[lang]) & set(kept)), *unknown, "\ud800", "a\nb"]:
        bucket = stores[lang].bucket(word)
        found = 0.0 if bucket is None else frequency_store.bucket_frequency(bucket)
        assert found == table.get(word, 0.0), word
    assert len(stores[lang]) == len(kept)


def test_whole_table_equals_wordfreq(stores: dict[str, Store]) -> None:
    assert stores["fr"].load() == wordfreq.get_frequency_dict("fr")


def test_duplicate_words_keep_their_last_bucket_like_wordfreq(tmp_path: Path) -> None:
    build_store([[], ["le", "la"], [], ["la", "les"]], tmp_path / "t")
    store = Store(tmp_path / "t")
    assert [store.bucket(w) for w in ("le", "la", "les", "l")] == [1, 3, 3, None]
    assert store.load() == {"le": 10**-0.01, "la": 10**-0.03, "les": 10**-0.03}
    assert store.words(2) == ["le"]


def test_loading_the_whole_table_changes_no_answer(
    stores: dict[str, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frequency_store, "open_store", lambda lang: stores[lang])
    monkeypatch.setattr(frequency_store, "LOAD_AFTER", 40)
    table = Frequencies("fr")
    words = set(SAMPLES["fr"]) | {"de", "x", "paix"}
    before = ([table.get(w) for w in sorted(words)], table.common_among(words, 1e-6))
    assert table._table is None
    table.common_among(words | {f"mot{i}" for i in range(20)}, 1e-6)
    assert table._table is not None
    assert ([table.get(w) for w in sorted(words)], table.common_among(words, 1e-6)) == before
    assert before[1] == {
        w for w in words if len(w) > 1 and wordfreq.get_frequency_dict("fr").get(w, 0) >= 1e-6
    }


def test_store_is_built_once_and_reopened(cache: Path) -> None:
    store = open_store("fr")
    assert store is not None and store.bucket("paix") is not None
    [path] = (cache / "wordfreq").iterdir()
    assert path == store_path(frequency_store.wordfreq_file("fr") or Path())
    stamp = path.stat().st_mtime_ns
    assert open_store("fr") is not None and path.stat().st_mtime_ns == stamp
    older = path.with_name(path.name.replace(f"-{path.name.split('-')[3]}-", "-1-"))
    path.rename(older)
    (cache / "wordfreq" / "large_en-0-1-1-v1l.bin").write_bytes(b"")
    assert open_store("fr") is not None  # rebuilt for the upgraded wordfreq, the old store removed
    assert sorted(p.name for p in (cache / "wordfreq").iterdir()) == ["large_en-0-1-1-v1l.bin", path.name]


def test_unwritable_cache_falls_back_to_wordfreq(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("RESLINT_USER_CACHE_DIR", str(tmp_path / "file" / "cache"))
    assert open_store("fr") is None
    table = Frequencies("fr")
    assert table._store is None
    assert table.get("paix") == wordfreq.get_frequency_dict("fr")["paix"]


NO_SLOTS = frequency_store.HEADER.pack(frequency_store.MAGIC, 0, 0, 0, 1, 0) + bytes(4)


@pytest.mark.parametrize("content", [b"", b"RSLWFQ", b"garbage" * 100, NO_SLOTS])
def test_corrupt_store_is_rebuilt(cache: Path, content: bytes) -> None:
    path = store_path(frequency_store.wordfreq_file("fr") or Path())
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(frequency_store.UNREADABLE):
        Store(path)
    store = open_store("fr")
    assert store is not None and store.bucket("paix") is not None


def test_truncated_store_that_cannot_be_rebuilt_falls_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert open_store("fr") is not None
    [path] = (cache / "wordfreq").iterdir()
    path.write_bytes(path.read_bytes()[:-1])

    def refuse(*args: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(frequency_store, "build_store", refuse)
    assert open_store("fr") is None
    assert Frequencies("fr").get("paix") == wordfreq.get_frequency_dict("fr")["paix"]


def test_concurrent_first_runs_share_one_complete_store(cache: Path) -> None:
    code = "from reslint_rules.frequency_store import open_store; print(open_store('fr').bucket('paix'))"
    runs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = {run.communicate()[0].strip() for run in runs}
    assert outputs == {str(open_store("fr").bucket("paix"))}  # type: ignore[union-attr]
    assert len(list((cache / "wordfreq").iterdir())) == 1  # no temporary file left behind


def test_a_small_document_is_checked_without_importing_wordfreq(cache: Path) -> None:
    assert open_store("fr") is not None
    code = (
        "import sys, reslint; d = reslint.lint('Le dévelop pement de la paix durable.\\n', lang='fr');"
        "print([x.code for x in d], 'wordfreq' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['WD001'] False"


def test_user_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RESLINT_USER_CACHE_DIR", str(tmp_path / "mine"))
    assert user_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("RESLINT_USER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "reslint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_cache_dir() == tmp_path / "home" / ".cache" / "reslint"


def test_no_home_folder_falls_back_to_wordfreq(monkeypatch: pytest.MonkeyPatch) -> None:
    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("RESLINT_USER_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", homeless)
    with pytest.raises(OSError):
        user_cache_dir()
    assert open_store("fr") is None
    assert Frequencies("fr").get("paix") == wordfreq.get_frequency_dict("fr")["paix"]
    assert ("words", "reslint_rules.words") in entry_points("reslint")


def test_arabic_zipf_equals_wordfreq_for_every_bucket() -> None:
    """One plain word per bucket, plus unknown and non-plain words (marks, tatweel, Latin)."""
    representatives = {}
    for bucket, words in enumerate(wordfreq.get_frequency_list("ar")):
        plain = next((w for w in words if lexicon.PLAIN["ar"].fullmatch(w)), None)
        if plain:
            representatives[bucket] = plain
    assert len(representatives) > 500
    punctuated = [
        f"{p}{w}" if i % 2 else f"{w}{p}{p}"
        for i, w in enumerate(representatives.values())
        for p in lexicon.DROPPED
    ]
    words = [
        *representatives.values(),
        *punctuated[::3],
        *SAMPLES["ar"],
        "ةدحتملاك",
        "UN",
        "الأمم2",
        "(الأمم.)",
        "الأمم.الأمم",
        "..",
    ]
    for word in words:
        assert lexicon.zipf.__wrapped__(word, "ar") == wordfreq.zipf_frequency(word, "ar"), word


def test_plain_arabic_letters_are_one_unchanged_token_to_wordfreq() -> None:
    from wordfreq.tokens import lossy_tokenize

    letters = "".join(chr(c) for c in range(0x0600, 0x0700) if lexicon.PLAIN["ar"].fullmatch(chr(c)))
    assert len(letters) == 36
    assert lossy_tokenize(letters, "ar") == [letters]
    assert all(lossy_tokenize(c + c, "ar") == [c + c] for c in letters)
