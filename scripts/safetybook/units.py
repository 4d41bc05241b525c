"""The codebook's vocabulary of units and steps, shared by the data pipeline and the analyses.

A unit is what the book counts: a government episode (one measure by one public authority, with
its steps), a TikTok or partner announcement (one initiative, however many partners or features it
names, with its renewals and activations), or a context row (recorded, never counted).
"""

from __future__ import annotations

EPISODE_STEPS = frozenset(
    {
        "announced",
        "adopted",
        "passed",
        "in_force",
        "implemented",
        "deadline",
        "extended",
        "findings",
        "concluded",
        "escalated",
        "upheld",
        "enjoined",
        "delayed",
        "lifted",
        "response",
    }
)
ANNOUNCEMENT_STEPS = frozenset({"launched", "detail", "expanded", "activated", "renewed", "ended"})
CONTEXT_STEPS = frozenset({"noted"})
# Steps that relieve pressure: a court blocking the measure, enforcement delayed, the measure lifted.
RELIEF_STEPS = frozenset({"enjoined", "delayed", "lifted"})
