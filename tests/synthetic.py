"""Corpora of our own sentences for the batch and scan tests (no third-party text)."""

from __future__ import annotations

import random

_TEMPLATES = (
    "Officials said at least {a:,} troops were in {p} on {d}.",
    "About {a} people were killed and {b} injured in {p}.",
    "The company earned ${a}.{b} billion, up {c}% from last year.",
    "Between {a:,} and {b:,} residents left {p}, roughly {c} per cent of them.",
    "Winds of up to {c} km/h hit {p}; nearly {a} homes lost power.",
)
_PLACES = ("Varnholm", "the north", "Lake Tarn", "Oskby", "the capital")


def synthetic_documents(n: int, seed: int = 7) -> list[dict[str, str]]:
    """Documents of our own sentences: ids, sources and dates vary."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = [
            rng.choice(_TEMPLATES).format(
                a=rng.randint(2, 90000),
                b=rng.randint(1, 99),
                c=rng.randint(1, 80),
                d=f"May {rng.randint(1, 28)}",
                p=rng.choice(_PLACES),
            )
            for _ in range(rng.randint(1, 8))
        ]
        docs.append(
            {
                "text": " ".join(sentences),
                "id": f"doc{i}",
                "source": rng.choice(("Wire", "Daily", "Gazette")),
                "published": f"2025-05-{rng.randint(1, 28):02d}",
            }
        )
    return docs
