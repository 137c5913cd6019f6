"""figtrack: find numeric claims in text and record exactly what they state.

>>> import figtrack
>>> [c.surface for c in figtrack.extract("Between 11,000 and 12,000 troops were there.")]
['Between 11,000 and 12,000']
"""

from figtrack.batch import DocumentError, extract_many
from figtrack.compare import compare, relate
from figtrack.corpus import Document
from figtrack.extract import Extractor, extract
from figtrack.frame import to_frame
from figtrack.lexicon import Lexicon, LexiconError, load_lexicon
from figtrack.model import Claim, Contradiction, Finding, Interval, Quantity, Subject
from figtrack.policy import Policy, interpret
from figtrack.tracker import TimelineEntry, Tracker, TrackerError

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Contradiction",
    "Document",
    "DocumentError",
    "Extractor",
    "Finding",
    "Interval",
    "Lexicon",
    "LexiconError",
    "Policy",
    "Quantity",
    "Subject",
    "TimelineEntry",
    "Tracker",
    "TrackerError",
    "__version__",
    "compare",
    "extract",
    "extract_many",
    "interpret",
    "load_lexicon",
    "relate",
    "to_frame",
]
