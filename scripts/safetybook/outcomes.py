"""What happened in each unit: the types of its steps, the amounts of its fines and settlements, and
its outcome in words beside its first step ("Investigation → fine EUR 530 million, 2025").

A unit is typed by its first step (the codebook), so an investigation that ended in a fine is an
investigation; these helpers say what it became, for the explorer and for chapters' tables. An
amount is a measure of metric `fine_amount` or `settlement_amount` tied (by `event_id`) to a
counted step or to a report of one (a row whose `same_event_as` is the step); amounts are never
converted, and when reports differ every amount is kept ("RUB 2.5 million or 2.6 million").
"""

from __future__ import annotations

import pandas as pd

from safetybook import labels

AMOUNT_METRICS = ("fine_amount", "settlement_amount")
# Steps that say nothing of what the authority's measure became: TikTok's own response, a detail of
# the same announcement, a row kept for context.
NOT_OUTCOMES = frozenset({"response", "detail", "noted"})
ARROW = "→"


def money(value: float, currency: str) -> str:
    """An amount as the book writes it, exactly and with its currency first: 'EUR 530 million',
    'GBP 1.875 million', 'EUR 750,000', 'RUB 21,770,390,000' (never rounded)."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        scaled = value / size
        if value >= size and round(scaled, 3) == scaled:
            return f"{currency} {scaled:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{currency} {value:,.0f}"


def amounts_text(values, currency: str) -> str:
    """Every amount reported for one step, smallest first: 'RUB 2.5 million or 2.6 million'."""
    shown = [money(v, currency) for v in sorted(set(values))]
    return " or ".join([shown[0], *(s.removeprefix(f"{currency} ") for s in shown[1:])])


def step_amounts(steps: pd.DataFrame, reports: pd.DataFrame, measures: pd.DataFrame) -> pd.Series:
    """The amounts reported for each counted step, in words, indexed by the step's `event_id`.

    `steps` are the counted rows, `reports` every event row (corroborating reports included, with
    `same_event_as`), `measures` the measures table; a step with no amount is left out."""
    step_of = reports["same_event_as"].fillna(reports["event_id"])
    step_of = pd.Series(step_of.to_numpy(), index=reports["event_id"].to_numpy())
    money_rows = measures[measures["metric"].isin(AMOUNT_METRICS)].copy()
    money_rows["step"] = money_rows["event_id"].map(step_of)
    money_rows = money_rows[money_rows["step"].isin(set(steps["event_id"]))]
    shown = {
        step: "; ".join(
            amounts_text(part["value"], currency)
            for currency, part in group.groupby("measured_in", observed=True, sort=True)
        )
        for step, group in money_rows.groupby("step", sort=True)
    }
    return pd.Series(shown, dtype="string", name="amount")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def unit_outcomes(book) -> pd.DataFrame:
    """One row per unit of `book` (a `chapter.Book`), indexed by `unit_id`, saying what happened.

    Columns: `types` (the event types of its steps, in order, each once), `outcome_step` (the
    event_id of the step that changed what the unit is, e.g. the fine that concluded an
    investigation; or of its last step when its type never changed; empty for a single step),
    `outcome_date`, `amount` (of the first step or the outcome step, in words), `outcome` (e.g.
    'fine EUR 530 million, 2025' or 'lifted, 2024') and `what` (the first step's type with the
    outcome, e.g. 'Investigation → fine EUR 530 million, 2025')."""
    steps = book.steps.sort_values(["date", "date_latest", "event_id"])
    amounts = step_amounts(book.steps, book.reports, book.measures).to_dict()
    columns = ["unit_id", "event_id", "date", "step", "event_type"]
    by_unit: dict[str, list[dict]] = {}
    for row in steps[columns].astype({"event_type": str, "step": str}).to_dict("records"):
        by_unit.setdefault(row["unit_id"], []).append(row)
    rows = {}
    for unit_id, own in by_unit.items():
        first = next((s for s in own if s["event_id"] == unit_id), own[0])
        later = [s for s in own if s is not first and s["step"] not in NOT_OUTCOMES]
        before = [first, *later][: len(later)]
        changed = [
            s for s, b in zip(later, before, strict=True) if s["event_type"] != b["event_type"]
        ]
        outcome, step, amount = "", None, ""
        if changed:
            # The last change of type: the first step of the type the unit ended as.
            step = changed[-1]
            run = [s for s in later[later.index(step) :] if s["event_type"] == step["event_type"]]
            amount = next((amounts[s["event_id"]] for s in run if s["event_id"] in amounts), "")
            word = _lower_first(labels.EVENT_TYPE[step["event_type"]])
            outcome = f"{word} {amount}".strip() + f", {step['date']:%Y}"
        elif later:
            step = later[-1]
            outcome = f"{_lower_first(labels.STEP[step['step']])}, {step['date']:%Y}"
        first_amount = amounts.get(first["event_id"], "")
        opening = f"{labels.EVENT_TYPE[first['event_type']]} {first_amount}".strip()
        rows[unit_id] = {
            "types": tuple(dict.fromkeys(s["event_type"] for s in own)),
            "outcome_step": "" if step is None else str(step["event_id"]),
            "outcome_date": pd.NaT if step is None else step["date"],
            "amount": amount if changed else first_amount,
            "outcome": outcome,
            "what": f"{opening} {ARROW} {outcome}" if outcome else opening,
        }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "unit_id"
    return frame
