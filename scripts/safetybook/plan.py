"""The pre-analysis plan's parameters (analysis/PLAN.md, tag plan-v1), as the code runs them.

A test checks that these equal `analysis/plan-parameters.json` at the plan's commit, so the analyses
cannot drift from the plan silently; a change is a deviation, listed in analysis/DEVIATIONS.md.
"""

from __future__ import annotations

import pandas as pd

STUDY_START = pd.Timestamp("2019-01-01")
MATCHED_CONCERNS = ("child_protection", "data_security_foreign_control", "content_public_order")
UNSTATED_DEVICE_BAN_CONCERN = "data_security_foreign_control"
PRESSURE_STEPS = ("announced",)
RESPONSE_STEPS = ("launched", "expanded", "activated", "renewed")
PRIMARY_WINDOW = 90
OTHER_WINDOWS = (30, 60, 180)
LEVEL = 0.05
CLUSTER_GAP = 30
MAX_SHIFT = 180
DRAWS = 1999
SEED = 20261205
SIZE_SIMULATIONS = 400
SIZE_DRAWS = 199
SIZE_BAND = (0.03, 0.07)
POWER_REPLICATIONS = 200
POWER_DRAWS = 199
POWER_WAVE_K = (1, 2, 3, 4, 5, 6, 7, 8)
POWER_PER_EPISODE = (0.05, 0.1, 0.2, 0.3)
POWER_WORDS_BELOW = 0.2
HOME_PAGE_WAVE_K = 3
PANEL_WEEKS = 13
PANEL_DISPERSION_LIMIT = 1.5
COMPARATOR_PLATFORMS = ("instagram", "youtube")
COMPARATOR_MINIMUM = 30
PRE_EXISTING_2026_ROWS = ("chi-038", "spo-016", "spo-032", "gov-104")
# The commit that added analysis/PLAN.md (tag plan-v1) and its day (tests/test_plan.py checks both
# against the repository's history).
PLAN_COMMIT = "f846546"
PLAN_DATE = pd.Timestamp("2026-12-05")

# The parameter names of analysis/plan-parameters.json and the constants that carry them.
PARAMETERS = {
    "study_start": lambda: STUDY_START.strftime("%Y-%m-%d"),
    "matched_concerns": lambda: list(MATCHED_CONCERNS),
    "unstated_device_ban_concern": lambda: UNSTATED_DEVICE_BAN_CONCERN,
    "pressure_steps": lambda: list(PRESSURE_STEPS),
    "response_steps": lambda: list(RESPONSE_STEPS),
    "primary_window": lambda: PRIMARY_WINDOW,
    "other_windows": lambda: list(OTHER_WINDOWS),
    "level": lambda: LEVEL,
    "cluster_gap": lambda: CLUSTER_GAP,
    "max_shift": lambda: MAX_SHIFT,
    "draws": lambda: DRAWS,
    "seed": lambda: SEED,
    "size_simulations": lambda: SIZE_SIMULATIONS,
    "size_draws": lambda: SIZE_DRAWS,
    "size_band": lambda: list(SIZE_BAND),
    "power_replications": lambda: POWER_REPLICATIONS,
    "power_draws": lambda: POWER_DRAWS,
    "power_wave_k": lambda: list(POWER_WAVE_K),
    "power_per_episode": lambda: list(POWER_PER_EPISODE),
    "power_words_below": lambda: POWER_WORDS_BELOW,
    "home_page_wave_k": lambda: HOME_PAGE_WAVE_K,
    "panel_weeks": lambda: PANEL_WEEKS,
    "panel_dispersion_limit": lambda: PANEL_DISPERSION_LIMIT,
    "comparator_platforms": lambda: list(COMPARATOR_PLATFORMS),
    "comparator_minimum": lambda: COMPARATOR_MINIMUM,
    "pre_existing_2026_rows": lambda: list(PRE_EXISTING_2026_ROWS),
}


def study_end(collection_date) -> pd.Timestamp:
    """The study ends on the last day of the record's collection month."""
    return pd.Timestamp(collection_date) + pd.offsets.MonthEnd(0)
