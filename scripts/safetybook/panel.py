"""The plan's secondary count model (analysis/PLAN.md, section 5, Q3): a weekly panel of the three
matched concerns, with pressure in the previous and the next 13 weeks and the device-ban wave.

Rows are concern-weeks; the outcome is TikTok's response steps on that concern that week (dates at
their interval's midpoint). Concern and calendar-quarter fixed effects absorb what every concern
shares within a quarter, so the comparison is across concerns within a quarter. Standard errors
are clustered by calendar month; a negative binomial replaces the Poisson when the Pearson
dispersion exceeds the plan's limit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

from safetybook import plan
from safetybook.load import interval_midpoint

WAVE_CONCERN = "data_security_foreign_control"


def _week(dates: pd.Series, start: pd.Timestamp) -> pd.Series:
    return ((dates - start).dt.days // 7).astype(int)


def weekly_panel(pressure: pd.DataFrame, responses: pd.DataFrame, end, wave) -> pd.DataFrame:
    """One row per matched concern and week: responses, pressure in the 13 weeks before (lags) and
    after (leads), the wave indicator, the calendar quarter and month."""
    start = plan.STUDY_START
    n = (pd.Timestamp(end) - start).days // 7 + 1
    weeks = plan.PANEL_WEEKS
    p_mid = interval_midpoint(pressure)
    r_mid = interval_midpoint(responses)
    p_in = p_mid.between(start, end)
    r_in = r_mid.between(start, end)
    wave_first = (pd.Timestamp(wave["first"]) - start).days // 7
    wave_last = (
        pd.Timestamp(wave["last"]) + pd.Timedelta(days=plan.PRIMARY_WINDOW) - start
    ).days // 7
    frames = []
    for concern in plan.MATCHED_CONCERNS:
        pw = _week(p_mid[p_in & (pressure["matched"] == concern)], start)
        rw = _week(r_mid[r_in & (responses["matched"] == concern)], start)
        pcount = np.bincount(pw, minlength=n)[:n].astype(float)
        padded = np.concatenate([np.zeros(weeks), pcount, np.zeros(weeks)])
        lags = np.array([padded[t : t + weeks].sum() for t in range(n)])
        leads = np.array([padded[t + weeks + 1 : t + 2 * weeks + 1].sum() for t in range(n)])
        day = start + pd.to_timedelta(np.arange(n) * 7, unit="D")
        frames.append(
            pd.DataFrame(
                {
                    "concern": concern,
                    "week": np.arange(n),
                    "responses": np.bincount(rw, minlength=n)[:n],
                    "pressure_before": lags,
                    "pressure_after": leads,
                    "wave": (
                        (concern == WAVE_CONCERN)
                        & (np.arange(n) >= wave_first)
                        & (np.arange(n) <= wave_last)
                    ).astype(int),
                    "quarter": day.to_period("Q").astype(str),
                    "month": day.to_period("M").astype(str),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


FORMULA = "responses ~ pressure_before + pressure_after + wave + C(concern) + C(quarter)"


def fit(panel: pd.DataFrame):
    """The plan's model: Poisson with month-clustered errors, or a negative binomial when the
    Pearson dispersion of the Poisson exceeds the plan's limit. Returns (results, family, dispersion)."""
    groups = pd.factorize(panel["month"])[0]
    poisson = smf.glm(FORMULA, data=panel, family=sm.families.Poisson()).fit()
    dispersion = float(poisson.pearson_chi2 / poisson.df_resid)
    if dispersion > plan.PANEL_DISPERSION_LIMIT:
        model = smf.glm(FORMULA, data=panel, family=sm.families.NegativeBinomial(alpha=1.0))
        family = "negative binomial"
    else:
        model = smf.glm(FORMULA, data=panel, family=sm.families.Poisson())
        family = "Poisson"
    results = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
    return results, family, dispersion


TERMS = {
    "pressure_before": "Pressure episodes in the previous 13 weeks (response)",
    "pressure_after": "Pressure episodes in the next 13 weeks (anticipation)",
    "wave": "Data security during the device-ban wave and 90 days after",
}


def rate_ratios(results) -> pd.DataFrame:
    """Rate ratios with 95% intervals and p-values for the plan's three terms."""
    ci = results.conf_int()
    rows = []
    for term, label in TERMS.items():
        rows.append(
            {
                "term": term,
                "label": label,
                "rate_ratio": float(np.exp(results.params[term])),
                "low": float(np.exp(ci.loc[term, 0])),
                "high": float(np.exp(ci.loc[term, 1])),
                "p_value": float(results.pvalues[term]),
            }
        )
    return pd.DataFrame(rows)


def ratio_words(row) -> str:
    """The plan's reading rule: an interval that excludes 1 names its direction."""
    if row["low"] > 1:
        return "higher"
    if row["high"] < 1:
        return "lower"
    return "no change detected"
