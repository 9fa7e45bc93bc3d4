"""Coverage-guided fuzzing of ``reslint.lint`` and ``reslint.fix`` with atheris.

    pip install atheris
    python fuzz/fuzz_reslint.py -max_total_time=600 fuzz/corpus/

Without atheris the same target runs on random mutations of the seed texts for a while:

    python fuzz/fuzz_reslint.py --seconds 60

A crash is an uncaught exception, a rule failure (RSL001), a fix that does not converge
or a fix that is not idempotent. The CI runs the hypothesis fuzzer (``tests/test_fuzz.py``).
"""

from __future__ import annotations

import random
import sys
import time

from reslint.linter import RULE_FAILURE_CODE, Linter

LINTER = Linter(select=["ALL"])
SEEDS = [
    "l ’élaboration desti née pr omouvoir 1’application inter-\nnational\n",
    "17-23181 (F)    230118    230118\n*1723181*\nA/RES/72/194\n\fPage 3 of 10\n",
    "paix2, Unies 4 ;\n__________________\n2 Voir A/72/100.\nhttps://undocs.org/A/72/100\n",
    "N A T I O N S  U N I E S\r\nÃ©tÃ© ﬁn\u00ad\u200b\ue000 (cid:12)\r\n",
    "كل الناس سواسية 中文 ，。 Привет мир ¿Qué?\n",
]


def check(text: str) -> None:
    """Raise on any crash, rule failure, non-convergence or non-idempotent fix."""
    for diag in LINTER.lint(text):
        if diag.code == RULE_FAILURE_CODE:
            raise AssertionError(f"{diag.message} on {text!r}")
    # detected afresh on the fixed text the language may differ: pin it ("und": unknown)
    lang = LINTER.language(text) or "und"
    fixed = LINTER.fix(text, unsafe=True, lang=lang).text  # raises FixError on a cycle
    if LINTER.fix(fixed, unsafe=True, lang=lang).text != fixed:
        raise AssertionError(f"fix is not idempotent on {text!r}")


def test_one_input(data: bytes) -> None:
    check(data.decode("utf-8", "replace"))


def mutate(text: str, rng: random.Random) -> str:
    pool = "".join(SEEDS) + " \n\r\f-’'.,;:0123456789\u00a0\u202f"
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        i = rng.randint(0, len(chars))
        op = rng.random()
        if op < 0.5:
            chars.insert(i, rng.choice(pool))
        elif op < 0.8 and chars:
            del chars[min(i, len(chars) - 1)]
        else:
            chars[i:i] = rng.choice(SEEDS)
    return "".join(chars)[:4000]


def random_run(seconds: float, seed: int) -> int:
    rng = random.Random(seed)
    deadline, runs = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        text = mutate(rng.choice(SEEDS), rng)
        try:
            check(text)
        except Exception:
            print(f"failing input: {text!r}", file=sys.stderr)
            raise
        runs += 1
    print(f"{runs} inputs, no failure")
    return 0


def main() -> int:
    if "--seconds" in sys.argv:
        seconds = float(sys.argv[sys.argv.index("--seconds") + 1])
        return random_run(seconds, seed=int(time.time()))
    import atheris  # type: ignore[import-not-found]

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
