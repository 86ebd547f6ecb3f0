"""Make the benchmark corpus: press-release-sized files varied from the five seeds.

Deterministic (seeded), so every run measures the same bytes. Each file mixes paragraphs
of the seeds, renames people and places, perturbs figures, and comes as .txt or .md.

    python bench/make_corpus.py [--files 1000] [--out bench/corpus]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
NAMES = [
    ("James Cleverly", "Amira Khan"),
    ("Laura Farris", "Tom Price"),
    ("Ian Critchley", "Ruth Evans"),
    ("Essex", "Kent"),
    ("Gabrielle Shaw", "Sam Ode"),
]


def paragraphs() -> list[str]:
    out = []
    for seed in sorted(SEEDS.glob("*.txt")):
        out.extend(p.strip() for p in seed.read_text("utf-8").split("\n\n") if p.strip())
    return out


def vary(text: str, rng: random.Random) -> str:
    for old, new in NAMES:
        if rng.random() < 0.3:
            text = text.replace(old, new)
    if rng.random() < 0.3:
        text = text.replace("550", str(rng.randint(100, 999)))
    return text


def make(count: int, out: Path, target_bytes: int = 7000) -> int:
    rng = random.Random(20240521)
    pool = paragraphs()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    total = 0
    for i in range(count):
        parts: list[str] = []
        size = 0
        while size < target_bytes:
            para = vary(rng.choice(pool), rng)
            parts.append(para)
            size += len(para.encode()) + 2
        markdown = i % 3 == 0
        if markdown:
            parts.insert(0, "# " + parts[0].split(".")[0][:60])
        body = "\n\n".join(parts) + "\n"
        path = out / f"{i // 100:02d}" / f"release-{i:04d}.{'md' if markdown else 'txt'}"
        path.parent.mkdir(exist_ok=True)
        path.write_text(body, "utf-8")
        total += len(body.encode())
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    args = parser.parse_args()
    total = make(args.files, args.out)
    print(f"{args.files} files, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
