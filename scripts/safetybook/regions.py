"""Countries grouped into the five continental regions of the UN M49 standard.

The grouping follows the United Nations Statistics Division's "Standard country or area codes for
statistical use (M49)"; EU and INT are the dataset's codes for the European Union and global scope.
"""

from __future__ import annotations

_REGIONS = {
    "Africa": "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU "
    "MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW",
    "Americas": "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US "
    "UY VE PR",
    "Asia": "AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS "
    "PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO PL PT "
    "RO RU SM RS SK SI ES SE CH UA GB VA EU",
    "Oceania": "AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU NC PF",
}
_BY_COUNTRY = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def region_of(country: str) -> str:
    """UN M49 region of an ISO 3166-1 alpha-2 code; Global for INT."""
    if country == "INT":
        return "Global"
    try:
        return _BY_COUNTRY[country]
    except KeyError:
        raise KeyError(
            f"no region is recorded for country code {country!r}; add it to safetybook/regions.py"
        ) from None
