import csv, re, datetime
from pathlib import Path

ROOT = Path("/work/main")
CAND = ROOT / "curation/candidates"
OUT = ROOT / "curation/staged"


def load(n):
    return list(csv.DictReader(open(CAND / n, encoding="utf-8")))


RG = load("recall-gaps.csv")
OUS = load("official-us.csv")
OEU = load("official-europe.csv")
OW = load("official-world.csv")
CM = load("commitments.csv")
src_exist = {
    r["source_id"]: r for r in csv.DictReader(open(ROOT / "data/raw/sources.csv", encoding="utf-8"))
}
org_exist = {
    r["org_id"]: r
    for r in csv.DictReader(open(ROOT / "data/raw/organisations.csv", encoding="utf-8"))
}
ev_exist = {}
for f in (ROOT / "data/raw/events").glob("*.csv"):
    for r in csv.DictReader(open(f, encoding="utf-8")):
        r["_file"] = f.name
        ev_exist[r["event_id"]] = r

# ---------------- organisations ----------------
NEW_ORGS = [
    ("ga_hac", "High Authority for Communication (HAC, Gabon)", "regulator", "GA"),
    ("in_madras_high_court", "Madras High Court (Madurai Bench)", "court", "IN"),
    (
        "az_ministry_of_transport",
        "Ministry of Transport, Communications and High Technologies (Azerbaijan)",
        "government",
        "AZ",
    ),
    (
        "az_state_security_service",
        "State Security Service of the Republic of Azerbaijan",
        "government",
        "AZ",
    ),
    (
        "az_cyber_security_service",
        "Cyber Security Service under the Ministry of Transport, Communication and Information Technologies (Azerbaijan)",
        "government",
        "AZ",
    ),
    ("bd_high_court", "High Court Division, Supreme Court of Bangladesh", "court", "BD"),
    ("id_ministry_of_trade", "Ministry of Trade (Indonesia)", "government", "ID"),
    ("vn_mic", "Ministry of Information and Communications (Vietnam)", "government", "VN"),
    ("ca_sk_government", "Government of Saskatchewan", "government", "CA"),
    ("ca_nl_government", "Government of Newfoundland and Labrador", "government", "CA"),
    ("ca_pe_government", "Government of Prince Edward Island", "government", "CA"),
    ("ca_ns_government", "Government of Nova Scotia", "government", "CA"),
    ("ca_on_government", "Government of Ontario", "government", "CA"),
    ("au_nsw_government", "Government of New South Wales (Cyber Security NSW)", "government", "AU"),
    ("au_tas_government", "Tasmanian Government", "government", "AU"),
    ("au_vic_government", "Victorian Government", "government", "AU"),
    ("au_sa_government", "Government of South Australia", "government", "AU"),
    ("ie_ncsc", "National Cyber Security Centre (Ireland)", "government", "IE"),
    ("ee_ria", "Information System Authority (RIA, Estonia)", "government", "EE"),
    (
        "cz_nukib",
        "National Cyber and Information Security Agency (NÚKIB, Czech Republic)",
        "regulator",
        "CZ",
    ),
    ("se_armed_forces", "Swedish Armed Forces (Försvarsmakten)", "government", "SE"),
    (
        "pl_digitization_council",
        "Digitization Council (advisory body to the Prime Minister, Poland)",
        "government",
        "PL",
    ),
    ("de_ministry_of_defence", "Federal Ministry of Defence (Germany)", "government", "DE"),
    ("ch_federal_chancellery", "Federal Chancellery (Switzerland)", "government", "CH"),
    ("us_army", "United States Army", "government", "US"),
    ("us_navy", "United States Navy", "government", "US"),
    ("us_house_of_representatives", "U.S. House of Representatives", "legislature", "US"),
    ("us_ne_governor", "Office of the Governor of Nebraska", "government", "US"),
    ("us_nc_governor", "Office of the Governor of North Carolina", "government", "US"),
    ("us_wi_governor", "Office of the Governor of Wisconsin", "government", "US"),
    ("us_sc_governor", "Office of the Governor of South Carolina", "government", "US"),
    ("us_al_governor", "Office of the Governor of Alabama", "government", "US"),
    ("us_nd_governor", "Office of the Governor of North Dakota", "government", "US"),
    ("us_ga_governor", "Office of the Governor of Georgia", "government", "US"),
    ("us_id_governor", "Office of the Governor of Idaho", "government", "US"),
    ("us_ia_governor", "Office of the Governor of Iowa", "government", "US"),
    ("us_la_secretary_of_state", "Louisiana Secretary of State", "government", "US"),
    (
        "us_la_commissioner_of_administration",
        "Louisiana Commissioner of Administration",
        "government",
        "US",
    ),
    ("us_wv_state_auditor", "West Virginia State Auditor", "government", "US"),
    ("us_tn_general_assembly", "Tennessee General Assembly", "legislature", "US"),
    ("us_fl_legislature", "Florida Legislature", "legislature", "US"),
    ("us_mi_dtmb", "Michigan Department of Technology, Management and Budget", "government", "US"),
    (
        "us_nv_department_of_administration",
        "Nevada Department of Administration (Enterprise IT Services)",
        "government",
        "US",
    ),
    ("us_az_governor", "Office of the Governor of Arizona", "government", "US"),
    ("us_nh_governor", "Office of the Governor of New Hampshire", "government", "US"),
    ("us_vt_agency_of_digital_services", "Vermont Agency of Digital Services", "government", "US"),
    ("us_ks_governor", "Office of the Governor of Kansas", "government", "US"),
    ("us_ok_governor", "Office of the Governor of Oklahoma", "government", "US"),
    ("us_wy_governor", "Office of the Governor of Wyoming", "government", "US"),
    ("us_ms_governor", "Office of the Governor of Mississippi", "government", "US"),
    ("us_de_dti", "Delaware Department of Technology and Information", "government", "US"),
    ("us_nv_attorney_general", "Nevada Attorney General", "government", "US"),
    ("oracle", "Oracle", "company", "US"),
    ("green_mountain", "Green Mountain (data centre operator)", "company", "NO"),
    ("ncc_group", "NCC Group", "company", "GB"),
    ("ke_president", "Office of the President of Kenya (State House)", "government", "KE"),
]

# ---------------- sources ----------------
SOURCES = {}  # id -> row
URL2SID = {r["url"]: k for k, r in src_exist.items() if r["url"]}


def src(sid, cand):
    """register a source from a candidate row, reuse existing by url"""
    u = cand["url"]
    if u in URL2SID:
        return URL2SID[u]
    for k, r in SOURCES.items():
        if r["url"] == u:
            return k
    assert sid not in src_exist and sid not in SOURCES, sid
    assert re.fullmatch(r"[a-z0-9]+", sid), sid
    pub = cand.get("published", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub or ""):
        pub = ""
    SOURCES[sid] = dict(
        source_id=sid,
        title=cand["title"],
        publisher=cand["publisher"],
        author="",
        url=u,
        published=pub,
        accessed="2026-11-30",
        kind=cand["kind"],
        derived_from="",
        seed_file="",
    )
    return sid


# ---------------- events ----------------
HDR = (
    "event_id,date,date_precision,date_latest,end_date,theme,unit_kind,unit_id,step,direction,event_type,actor,actor_level,initiative_lead,counterpart,jurisdiction,affected_area,concern,description,source_id,evidence,same_event_as".split(
        ","
    )
    + ["target_file"]
)
counters = {"gov": 103, "chi": 54}
FILE2PFX = {"government.csv": "gov", "child_safety.csv": "chi"}
EVENTS = []


def newid(f):
    p = FILE2PFX[f]
    counters[p] += 1
    return f"{p}-{counters[p]:03d}"


def D(d):
    """'2023-03-01' -> day ; '2023-03' -> month ; '2023' -> year"""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
        return d, "day"
    if re.fullmatch(r"\d{4}-\d{2}", d):
        return d + "-01", "month"
    if re.fullmatch(r"\d{4}", d):
        return d + "-01-01", "year"
    raise ValueError(d)


def add(
    f,
    date,
    desc,
    sid,
    evidence,
    *,
    kind="",
    unit="SELF",
    step="",
    direction="",
    etype,
    actor,
    level="",
    lead="",
    cp="tiktok",
    jur,
    area="",
    concern,
    same="",
    latest="",
    end="",
):
    eid = newid(f)
    d, prec = D(date)
    if kind == "":
        unit_id = ""
    else:
        unit_id = eid if unit == "SELF" else unit
    EVENTS.append(
        dict(
            event_id=eid,
            date=d,
            date_precision=prec,
            date_latest=latest,
            end_date=end,
            theme=f[:-4],
            unit_kind=kind,
            unit_id=unit_id,
            step=step,
            direction=direction,
            event_type=etype,
            actor=actor,
            actor_level=level,
            initiative_lead=lead,
            counterpart=cp,
            jurisdiction=jur,
            affected_area=area,
            concern=concern,
            description=desc,
            source_id=sid,
            evidence=evidence,
            same_event_as=same,
            target_file=f,
        )
    )
    return eid


G = "government.csv"
C = "child_safety.csv"


def rg(ref, which=0):
    xs = [r for r in RG if r["ref_id"] == ref]
    return xs[which]


def ep(
    f,
    ref,
    sid,
    desc,
    *,
    which=0,
    step="announced",
    etype=None,
    actor,
    level,
    jur=None,
    area="",
    concern="data_security_foreign_control",
    date=None,
    **kw,
):
    c = rg(ref, which)
    s = src(sid, c)
    return add(
        f,
        date or c["date"]
        if c["date_precision"] == "day"
        else (date or c["date"][:7] if c["date_precision"] == "month" else c["date"][:4]),
        desc,
        s,
        c["evidence"],
        kind="episode",
        step=step,
        direction=kw.pop("direction", "pressure"),
        etype=etype or c["event_type"],
        actor=actor,
        level=level,
        jur=jur or c["country"],
        area=area,
        concern=concern,
        **kw,
    )


# ===== INPUT 1: recall gaps =====
ep(
    G,
    "ref-004",
    "freemalaysiatoday2026gabon",
    "Gabon's media regulator, the High Authority for Communication, suspended social media platforms nationwide until further notice, citing false information and conflict-inducing content amid strikes; Facebook and TikTok were unreachable the next day.",
    etype="national_ban",
    actor="ga_hac",
    level="regulator",
    concern="content_public_order",
)
ep(
    G,
    "ref-005",
    "indianexpress2019madrashc",
    "On a public-interest petition, the Madurai Bench of the Madras High Court directed India's central government to prohibit downloads of TikTok and barred media from airing TikTok videos, citing pornographic and inappropriate content.",
    etype="national_ban",
    actor="in_madras_high_court",
    level="court",
    concern="content_public_order",
)
ep(
    G,
    "ref-008",
    "netblocks2020azerbaijan",
    "During the September 2020 Nagorno-Karabakh fighting, Azerbaijan restricted access to major social media and messaging platforms including TikTok, a restriction declared by its transport and communications ministry.",
    step="in_force",
    etype="national_ban",
    actor="az_ministry_of_transport",
    level="national_executive",
    concern="content_public_order",
)
ep(
    G,
    "ref-009",
    "azsecurityservice2022tiktok",
    "Azerbaijan's State Security Service temporarily restricted access to TikTok nationwide, accusing it of spreading content that undermined the army and disclosed military information during border fighting with Armenia.",
    etype="national_ban",
    actor="az_state_security_service",
    level="national_executive",
    concern="content_public_order",
)
ep(
    G,
    "ref-010",
    "aznetwatch2023suspends",
    "Azerbaijan suspended access to TikTok when it began its September 2023 military operation in Karabakh, which its Cyber Security Service tied to an 'anti-terrorist operation'; access was restored on 31 October 2023.",
    step="in_force",
    etype="national_ban",
    actor="az_cyber_security_service",
    level="national_executive",
    concern="content_public_order",
    end="2023-10-31",
)
# ref-011 Armenia: LOW CONFIDENCE -> skipped
ep(
    C,
    "ref-013",
    "dhakatribune2021highcourt",
    "On a rights group's writ petition, Bangladesh's High Court ordered authorities to remove harmful games and apps; reports differ on whether TikTok, Likee and Bigo Live were covered or only asked to show cause against a ban.",
    etype="order",
    actor="bd_high_court",
    level="court",
    concern="child_protection",
)
# ref-014 Iran: LAST RESORT encyclopedia -> skipped
ep(
    G,
    "ref-025",
    "dailytimes2023indonesiasocialcommerce",
    "Indonesia's trade minister announced a regulation banning goods transactions on social media platforms, which forced TikTok Shop to stop e-commerce sales in the country.",
    etype="other",
    actor="id_ministry_of_trade",
    level="national_executive",
    concern="other",
)
ep(
    G,
    "ref-027",
    "sggp2023inspection",
    "Vietnam's information ministry said it would lead a comprehensive inspection of TikTok's operations with other ministries, saying the platform's activities in Vietnam broke the law, including through toxic and false content.",
    etype="investigation",
    actor="vn_mic",
    level="national_executive",
    concern="content_public_order",
)
OPC_ID = ep(
    C,
    "ref-032",
    "opc2023jointinvestigation",
    "Canada's federal privacy commissioner and the Québec, British Columbia and Alberta commissioners opened a joint investigation into TikTok's collection, use and disclosure of personal information, with a particular focus on younger users.",
    etype="investigation",
    actor="ca_opc",
    level="regulator",
    concern="child_protection",
)
prov = [
    (
        "ref-035",
        "globalnews2023saskban",
        "ca_sk_government",
        "CA-SK",
        "announced",
        "Saskatchewan banned TikTok from all government-owned devices across ministries, Crown corporations and agencies, pending the results of a federal threat assessment.",
    ),
    (
        "ref-036",
        "cbc2023nlban",
        "ca_nl_government",
        "CA-NL",
        "announced",
        "Newfoundland and Labrador announced a ban on TikTok on all government mobile devices, taking effect the following day.",
    ),
    (
        "ref-037",
        "ctv2023peiban",
        "ca_pe_government",
        "CA-PE",
        "announced",
        "Prince Edward Island banned TikTok on government-connected mobile devices as a precaution, following the federal government and other provinces that week.",
    ),
    (
        "ref-038",
        "thestar2023novascotia",
        "ca_ns_government",
        "CA-NS",
        "in_force",
        "Nova Scotia's ban took effect, removing and blocking TikTok on all government-issued mobile devices; the province had announced it the previous evening.",
    ),
    (
        "ref-039",
        "cbc2023ontarioban",
        "ca_on_government",
        "CA-ON",
        "announced",
        "Ontario banned TikTok from all provincial government-issued devices with immediate effect, its Treasury Board president announced, and required PC caucus members to delete it from personal phones.",
    ),
    (
        "ref-040",
        "nswgov2023platforms",
        "au_nsw_government",
        "AU-NSW",
        "announced",
        "Cyber Security NSW directed New South Wales government agencies to remove TikTok from government devices and block its installation, allowing exemptions only after a risk assessment.",
    ),
    (
        "ref-042",
        "examiner2023tasmania",
        "au_tas_government",
        "AU-TAS",
        "announced",
        "Tasmania's government announced it would prohibit installing and using TikTok on government-issued devices, following national security advice and the Commonwealth's lead.",
    ),
    (
        "ref-043",
        "triplem2023victoria",
        "au_vic_government",
        "AU-VIC",
        "announced",
        "Victoria confirmed it would ban TikTok from all state government devices over security concerns, following Commonwealth guidance; this records the announcement of intent.",
    ),
    (
        "ref-044",
        "premiersa2023tiktokban",
        "au_sa_government",
        "AU-SA",
        "announced",
        "South Australia banned TikTok from government devices under its cyber security framework after an assessment of security and privacy risks, requiring removal and blocking new installs with limited exemptions.",
    ),
]
for ref, sid, actor, area, step, desc in prov:
    ep(
        G,
        ref,
        sid,
        desc,
        step=step,
        etype="device_ban",
        actor=actor,
        level="subnational",
        area=area,
    )
ep(
    G,
    "ref-053",
    "irishtimes2023ncsc",
    "Irish government departments and agencies told staff to remove TikTok from official devices after a National Cyber Security Centre direction, which the centre framed as precautionary advice allowing use where there is a business need.",
    etype="device_ban",
    actor="ie_ncsc",
    level="national_executive",
)
ep(
    G,
    "ref-055",
    "err2023riaadvice",
    "As reported in March 2023, Estonia's Information System Authority had only advised public officials not to use TikTok on work equipment; this was advice, not a formal ban.",
    etype="advice",
    actor="ee_ria",
    level="national_executive",
)
ep(
    G,
    "ref-056",
    "nukib2023warning",
    "Czech cyber-security agency NÚKIB issued a formal warning that TikTok on devices accessing critical information systems is a high security threat and recommended prohibiting it there; a warning, not itself a ban.",
    etype="other",
    actor="cz_nukib",
    level="regulator",
)
ep(
    G,
    "ref-057",
    "thelocal2023swedishmilitary",
    "Sweden's armed forces banned staff from using TikTok on work phones and tablets, citing security concerns about how the app handles user information.",
    etype="device_ban",
    actor="se_armed_forces",
    level="national_executive",
)
ep(
    G,
    "ref-058",
    "livemint2023polishcouncil",
    "A Polish government advisory council recommended that public administration staff be made to remove TikTok from work phones; the recommendation was advice, not binding on the government.",
    etype="advice",
    actor="pl_digitization_council",
    level="national_executive",
)
ep(
    G,
    "ref-059",
    "waz2020bundeswehr",
    "Germany's defence ministry has prohibited official use of TikTok across its whole area of responsibility, including the Bundeswehr, since 23 April 2020; private use was not banned.",
    step="in_force",
    etype="device_ban",
    actor="de_ministry_of_defence",
    level="national_executive",
)
ep(
    G,
    "ref-060",
    "breakinglatest2023swissfederal",
    "After a technical risk analysis, Switzerland's Federal Chancellery decided not to ban TikTok on federal employees' phones and issued a caution leaflet instead: a decision not to ban, recorded as advice.",
    etype="advice",
    actor="ch_federal_chancellery",
    level="national_executive",
)
# ref-068 / ref-069: steps of gov-048 (codebook: findings and decision belong to the opened DSA proceedings)
c = rg("ref-068")
add(
    G,
    c["date"],
    "The European Commission preliminarily found that TikTok, like Meta, breached its Digital Services Act obligation to give researchers adequate access to public data.",
    src("nasdaq2025dsaresearchers", c),
    c["evidence"],
    kind="episode",
    unit="gov-048",
    step="findings",
    direction="pressure",
    etype="investigation",
    actor="eu_commission",
    level="eu_institution",
    jur="EU",
    concern="other",
)
c = rg("ref-069")
add(
    G,
    c["date"],
    "The European Commission made binding TikTok's commitments to fix its Digital Services Act advertising repository, following its May 2025 preliminary findings, without imposing a fine.",
    src("finanznachrichten2025adrepository", c),
    c["evidence"],
    kind="episode",
    unit="gov-048",
    step="concluded",
    direction="neutral",
    etype="order",
    actor="eu_commission",
    level="eu_institution",
    jur="EU",
    concern="other",
)
DPC_ID = ep(
    G,
    "ref-072",
    "siliconrepublic2021dpcinquiries",
    "Ireland's Data Protection Commission opened two GDPR inquiries into TikTok, one into transfers of users' personal data to China and one into children's data; this row records the China-transfers inquiry.",
    etype="investigation",
    actor="ie_dpc",
    level="regulator",
    area="EU",
)
ep(
    C,
    "ref-077",
    "lbc2025icoprobe",
    "The UK Information Commissioner's Office opened an investigation into how TikTok uses the personal data of 13-17-year-olds to recommend content, alongside probes of Reddit and Imgur.",
    etype="investigation",
    actor="gb_ico",
    level="regulator",
    concern="child_protection",
)
ep(
    G,
    "ref-079",
    "ontopmag2022tagansky",
    "A Moscow court fined TikTok 2 million rubles for failing to delete content deemed LGBT propaganda under Russia's 'gay propaganda' law.",
    etype="fine",
    actor="ru_tagansky_court",
    level="court",
    concern="content_public_order",
    latest="2022-04-28",
)
ep(
    G,
    "ref-081",
    "dailybeast2019armyban",
    "The US Army barred soldiers from having TikTok on government-owned phones, calling it a cyber threat, after a Defense Department cyber awareness message.",
    which=0,
    etype="device_ban",
    actor="us_army",
    level="national_executive",
)
ep(
    G,
    "ref-081",
    "wnd2019navyban",
    "The US Navy banned TikTok from government-issued mobile devices as a cybersecurity threat, warning that devices keeping it would be cut off from the Navy Marine Corps Intranet.",
    which=1,
    etype="device_ban",
    actor="us_navy",
    level="national_executive",
)
c = rg("ref-088")
HOUSE_ID = add(
    G,
    c["date"],
    "The US House of Representatives passed, 352 to 65, H.R. 7521, the bill forcing ByteDance to divest TikTok or face a nationwide ban.",
    src("washingtonpost2024housepasses", c),
    c["evidence"],
    kind="episode",
    unit="gov-038",
    step="passed",
    direction="pressure",
    etype="divest_or_ban",
    actor="us_house_of_representatives",
    level="legislature",
    cp="bytedance",
    jur="US",
    concern="data_security_foreign_control",
)
states = [
    (
        "ref-096",
        "mtgov2022gianforte",
        "us_mt_governor",
        "US-MT",
        "announced",
        "Montana's governor prohibited TikTok on state equipment, on the state network and for state business, including by third-party contractors, in a memo to the state CIO and agency directors.",
    ),
    (
        "ref-097",
        "nebraskapublicmedia2020ricketts",
        "us_ne_governor",
        "US-NE",
        "announced",
        "Nebraska's governor announced a ban on TikTok on all state-owned devices, citing Chinese data-access concerns; it was the first US state device ban.",
    ),
    (
        "ref-099",
        "wfae2023cooper",
        "us_nc_governor",
        "US-NC",
        "announced",
        "North Carolina's governor signed Executive Order 276 directing state IT officials to adopt, within 14 days, a policy barring TikTok and WeChat on state devices.",
    ),
    (
        "ref-100",
        "weau2023evers",
        "us_wi_governor",
        "US-WI",
        "announced",
        "Wisconsin's governor signed Executive Order 184 banning TikTok and certain other foreign technologies from executive-branch state-issued devices.",
    ),
    (
        "ref-101",
        "wistv2022mcmaster",
        "us_sc_governor",
        "US-SC",
        "announced",
        "South Carolina's governor asked the state Department of Administration to block TikTok on all state government devices it manages.",
    ),
    (
        "ref-102",
        "wbrc2022ivey",
        "us_al_governor",
        "US-AL",
        "announced",
        "Alabama's governor banned TikTok on state devices and the state IT network in a memo to agency heads, with exceptions for law enforcement and other essential uses.",
    ),
    (
        "ref-103",
        "upr2022cox",
        "us_ut_government",
        "US-UT",
        "announced",
        "Utah's governor issued an executive order banning TikTok on all state-owned devices of executive branch agencies, effective immediately.",
    ),
    (
        "ref-105",
        "ndgov2022burgum",
        "us_nd_governor",
        "US-ND",
        "announced",
        "North Dakota's governor signed an executive order banning TikTok on state-owned devices issued by executive branch agencies and on the state network, citing national security concerns.",
    ),
    (
        "ref-107",
        "northwestgeorgianews2022kemp",
        "us_ga_governor",
        "US-GA",
        "announced",
        "Georgia's governor ordered executive agencies by memo to ban TikTok, WeChat and Telegram on state-owned or state-controlled devices.",
    ),
    (
        "ref-108",
        "ktvb2022little",
        "us_id_governor",
        "US-ID",
        "announced",
        "Idaho's governor issued an executive order banning TikTok on all state-issued devices and state networks.",
    ),
    (
        "ref-109",
        "desmoinesregister2022reynolds",
        "us_ia_governor",
        "US-IA",
        "announced",
        "Iowa's governor banned TikTok on all state-owned devices and barred state agencies from holding TikTok accounts, by directive to the state's chief information officer.",
    ),
    (
        "ref-110",
        "ksla2022ardoin",
        "us_la_secretary_of_state",
        "US-LA",
        "announced",
        "Louisiana's Secretary of State banned TikTok on all devices issued by his department and urged the governor to do the same statewide.",
    ),
    (
        "ref-111",
        "businessreport2023dardenne",
        "us_la_commissioner_of_administration",
        "US-LA",
        "announced",
        "Louisiana's Commissioner of Administration banned TikTok traffic on all networks run by the state Office of Technology Services, covering agency devices and personal devices on state wifi.",
    ),
    (
        "ref-112",
        "wtrf2022mccuskey",
        "us_wv_state_auditor",
        "US-WV",
        "announced",
        "West Virginia's State Auditor banned TikTok on his office's devices and computer networks, including those of the WV Oasis financial system.",
    ),
    # ref-114 Virginia SB 1459: LAST RESORT tracker, unverified date -> skipped
    (
        "ref-115",
        "tennessee2023tiktoklaw",
        "us_tn_general_assembly",
        "US-TN",
        "adopted",
        "Tennessee enacted a law, in force on the governor's signature, requiring public colleges and universities to block TikTok and other China-based social media platforms on their networks.",
    ),
    (
        "ref-116",
        "adnamerica2023sb258",
        "us_fl_legislature",
        "US-FL",
        "adopted",
        "Florida's governor signed SB 258, banning TikTok and other apps tied to countries of concern on government-owned devices and public networks, including universities, from 1 July 2023.",
    ),
    (
        "ref-117",
        "mlive2023michigan",
        "us_mi_dtmb",
        "US-MI",
        "in_force",
        "Michigan's state IT department blocked TikTok on state devices from 1 March 2023 without public announcement, exempting law enforcement, cybersecurity and promotional use such as the governor's account.",
    ),
    (
        "ref-118",
        "gigafact2023nevada",
        "us_nv_department_of_administration",
        "US-NV",
        "adopted",
        "Nevada's Department of Administration issued a security standard listing TikTok among apps and vendors prohibited on state-owned devices, networks and platforms.",
    ),
    (
        "ref-119",
        "azcapitoltimes2023hobbs",
        "us_az_governor",
        "US-AZ",
        "adopted",
        "Arizona's governor signed an executive order requiring state agencies to remove TikTok within 30 days from state-owned devices and personal devices used for state work; it was announced the next day.",
    ),
    (
        "ref-120",
        "unionleader2022sununu",
        "us_nh_governor",
        "US-NH",
        "announced",
        "New Hampshire's governor signed an executive order banning TikTok and other Chinese-company products from state networks and state-issued devices.",
    ),
    (
        "ref-121",
        "vtdigger2023vermont",
        "us_vt_agency_of_digital_services",
        "US-VT",
        "in_force",
        "Vermont's Agency of Digital Services banned TikTok and WeChat on all state-owned devices used by executive-branch staff and contractors, by regulation rather than a governor's executive order.",
    ),
    (
        "ref-122",
        "kansasregister2023eo2210",
        "us_ks_governor",
        "US-KS",
        "announced",
        "Kansas's governor signed Executive Order 22-10 barring TikTok on state-owned devices and the state network for executive branch entities; the order was published in the Kansas Register.",
    ),
    (
        "ref-123",
        "enidnews2022stitt",
        "us_ok_governor",
        "US-OK",
        "announced",
        "Oklahoma's governor issued Executive Order 2022-33 banning TikTok for state agencies, employees and contractors on government networks and devices.",
    ),
    (
        "ref-124",
        "wyomingtruth2022gordon",
        "us_wy_governor",
        "US-WY",
        "announced",
        "Wyoming's governor ordered TikTok permanently removed and blocked on all state government devices and networks, citing cybersecurity concerns about its foreign ownership.",
    ),
    (
        "ref-127",
        "djournal2023reeves",
        "us_ms_governor",
        "US-MS",
        "announced",
        "Mississippi's governor directed agencies to remove TikTok and other ByteDance apps from state-issued devices by 31 January and to block TikTok on the state network.",
    ),
    (
        "ref-128",
        "firststateupdate2023delaware",
        "us_de_dti",
        "US-DE",
        "adopted",
        "Delaware's Department of Technology and Information quietly barred TikTok from state-owned devices and blocked it on the state network, citing federal guidance and national security concerns.",
    ),
]
for ref, sid, actor, area, step, desc in states:
    ep(
        G,
        ref,
        sid,
        desc,
        step=step,
        etype="device_ban",
        actor=actor,
        level="subnational",
        area=area,
    )
ep(
    C,
    "ref-129",
    "lasvegassun2024nevadaag",
    "Nevada's attorney general sued TikTok, Snapchat and Meta in state court, alleging their designs deliberately addict and harm young users.",
    etype="lawsuit",
    actor="us_nv_attorney_general",
    level="subnational",
    area="US-NV",
    concern="child_protection",
)


# ===== INPUT 2: official pages =====
def target(tid):
    t = ev_exist[tid]
    root = t["same_event_as"] or tid
    return t, root


def corr(cand, sid, tid, desc, date=None, latest=""):
    t, root = target(tid)
    s = src(sid, cand)
    if date is None:
        date = (
            cand["fact_date"]
            if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", cand["fact_date"] or "")
            else None
        )
    if date is None:
        date = (
            t["date"][:7]
            if t["date_precision"] == "month"
            else (t["date"][:4] if t["date_precision"] == "year" else t["date"])
        )
    return add(
        t["_file"],
        date,
        desc,
        s,
        cand["evidence"],
        etype=t["event_type"],
        actor=t["actor"],
        cp=t["counterpart"],
        jur=t["jurisdiction"],
        area=t["affected_area"],
        concern=t["concern"],
        same=root,
        latest=latest,
    )


corr(
    OUS[0],
    "ftc2019musicallyalert",
    "chi-001",
    "Official record: an FTC consumer alert says that under the settlement Musical.ly must pay $5.7 million and comply with the children's privacy law COPPA.",
)
corr(
    OUS[1],
    "oagdc2024schwalbsues",
    "chi-022",
    "Official record: the District of Columbia's attorney general announced the District's own suit against TikTok, one of the coordinated filings, alleging harm to children and an illegal virtual economy.",
)
corr(
    OUS[2],
    "x",
    "chi-030",
    "Official record: Arkansas's governor and attorney general announced three lawsuits in state courts, two against TikTok and its parent and one against Meta.",
)
corr(
    OUS[3],
    "utahag2023lawsuitupdate",
    "chi-031",
    "Official record: a later update from Utah's attorney general confirms he sued TikTok on behalf of the state's Division of Consumer Protection in October 2023.",
)
corr(
    OUS[4],
    "senatejudiciary2024preview",
    "chi-046",
    "Official record: the Senate Judiciary Committee's preview release says it will press the CEOs of Discord, Meta, Snap, TikTok and X at that day's hearing on child sexual exploitation online.",
)
corr(
    OUS[5],
    "senatejudiciary2024recap",
    "chi-046",
    "Official record: the committee's recap release says it pressed the CEOs of Discord, Meta, Snap, TikTok and X on their failures to protect children from sexual exploitation online.",
)
corr(
    OUS[6],
    "energycommerce2023hearings",
    "chi-047",
    "Official record: the House Energy and Commerce Committee's hearings listing records the 23 March 2023 full-committee hearing with TikTok's CEO on data privacy and children's online safety.",
)
corr(
    OUS[8],
    "govinfo2020hdoc116148",
    "gov-034",
    "Official record: the President's message to Congress dated 6 August 2020, printed as House Document 116-148, transmits the executive order addressing the threat posed by TikTok.",
)
corr(
    OUS[12],
    "govinfo2025eo14352",
    "gov-045",
    "Official record: the Federal Register text of Executive Order 14352 of 25 September 2025, 'Saving TikTok While Protecting National Security'.",
)
# NEW (official-us row 14): corroborates the House passage row staged from ref-088
c = OUS[14]
add(
    G,
    "2024-03",
    "Official record: the House-passed text of H.R. 7521 as received in the Senate and referred to committee on 14 March 2024; it does not show the date of the House vote.",
    src("govinfo2024hr7521rfs", c),
    c["evidence"],
    etype="divest_or_ban",
    actor="us_house_of_representatives",
    cp="bytedance",
    jur="US",
    concern="data_security_foreign_control",
    same=HOUSE_ID,
    latest="2024-03-14",
)
corr(
    OEU[0],
    "garante2021provvedimento9524194",
    "seed-093",
    "Official record: the Garante's register entry for its urgent decision no. 20 of 22 January 2021 on TikTok; the stored excerpt shows the header and recitals, not the operative part.",
)
corr(
    OEU[1],
    "garante2021provvedimento9554603",
    "chi-011",
    "Official record: the Garante's 11 February 2021 decision recites that its office opened formal proceedings against TikTok by a note of 15 December 2020, dating the opening to the day.",
)
corr(
    OEU[3],
    "europeancommission2024dsaproceedings",
    "gov-048",
    "Official record: the Commission's Danish-language release says it opened formal Digital Services Act proceedings against TikTok, including on the protection of minors; the stored excerpt shows no date.",
)
corr(
    OEU[4],
    "europeancommission2024tiktoklite",
    "gov-049",
    "Official record: the Commission's Danish-language release on TikTok Lite Rewards says its decision also closes the formal proceedings opened against TikTok on 22 April.",
)
corr(
    OEU[5],
    "x",
    "gov-050",
    "Official record: the same Commission release says the decision makes TikTok's commitments legally binding, so any breach of them is at once a breach of the Digital Services Act.",
)
corr(
    OEU[6],
    "ofcom2023casepage",
    "chi-034",
    "Official record: Ofcom's case page says it issued its final decision on 23 July 2024, a day before the public announcement, imposing a £1,875,000 penalty that includes a 25% settlement discount.",
)
corr(
    OEU[7],
    "ofcom2023bulletin",
    "chi-035",
    "Official record: Ofcom's enforcement bulletin announced that day its investigation into TikTok's compliance with an information request notice issued in July 2023.",
)
corr(
    OEU[8],
    "hansard2023securitydevices",
    "seed-073",
    "Official record: Hansard's Lords record of 21 March 2023 repeats the Cabinet Office minister's Commons statement of 16 March banning TikTok on government devices with immediate effect.",
)
corr(
    OEU[9],
    "x",
    "seed-074",
    "Official record: the same statement says the minister had commissioned a review by cybersecurity experts of risks from third-party apps on government devices; it does not date the review.",
)
corr(
    OEU[10],
    "vlaanderen2023gebruiksverbod",
    "gov-010",
    "Official record: Digitaal Vlaanderen says the Flemish steering body for information and ICT policy imposed a temporary ban on using TikTok in March 2023; the page gives only the month.",
    date="2023-03",
)
corr(
    OW[1],
    "pspf2023tiktokdirection",
    "gov-018",
    "Official record: the Protective Security Policy Framework page says the Attorney-General's Department secretary issued Direction 001-2023 restricting TikTok on government devices; no date is shown.",
)
corr(
    OW[2],
    "pspf2023directions",
    "gov-018",
    "Official record: the framework's directions library lists Direction 001-2023 on the TikTok application; the stored copy shows no publication date.",
)
corr(
    OW[5],
    "nta2023tiktokrok",
    "gov-058",
    "Official record: Nepal's telecoms authority issued an urgent notice implementing the cabinet decision of 2080/07/27 BS (13 November 2023) to stop TikTok immediately over harm to social harmony.",
    date="2023-11-13",
)


# ===== INPUT 3: commitments =====
def ann(
    f,
    cidx,
    sid,
    desc,
    *,
    unit="SELF",
    step="launched",
    etype="commitment",
    jur,
    concern,
    cp="",
    date=None,
    latest="",
    same="",
):
    c = CM[cidx]
    s = src(sid, c)
    if same:
        return add(
            f,
            date or c["date"],
            desc,
            s,
            c["evidence"],
            etype=etype,
            actor="tiktok",
            cp=cp,
            jur=jur,
            concern=concern,
            same=same,
            latest=latest,
        )
    return add(
        f,
        date or c["date"],
        desc,
        s,
        c["evidence"],
        kind="announcement",
        unit=unit,
        step=step,
        lead="tiktok",
        etype=etype,
        actor="tiktok",
        cp=cp,
        jur=jur,
        concern=concern,
        latest=latest,
    )


DS = "data_security_foreign_control"
CO = "content_public_order"
CP = "child_protection"
# US transparency centre
T1 = ann(
    G,
    1,
    "cnet2020transparencycenter",
    "TikTok said it planned to open a transparency center at its Los Angeles office, covering content moderation and later data privacy and security, amid US lawmakers' national-security concerns.",
    jur="US",
    concern=DS,
)
ann(
    G,
    0,
    "tiktok2020transparencycenter",
    "TikTok's own post announcing the planned Transparency Center is dated 10 May 2020, later than the news reports of 11 March 2020, possibly a republication (recorded for the date disagreement).",
    jur="US",
    concern=DS,
    same=T1,
)
ann(
    G,
    2,
    "highergroundtimes2020transparency",
    "TikTok said two US transparency centers, in Washington, D.C. and Los Angeles, were scheduled to open later in 2020 after pandemic delays.",
    unit=T1,
    step="expanded",
    jur="US",
    concern=DS,
)
ann(
    G,
    4,
    "tubefilter2023lacenter",
    "TikTok's Los Angeles Transparency and Accountability Center became the first such facility to admit guests, presented as part of its Project Texas effort against a US ban.",
    unit=T1,
    step="activated",
    jur="US",
    concern=DS,
    latest="2023-02-03",
)
# European transparency centre
T2 = ann(
    G,
    5,
    "siliconrepublic2021europeantac",
    "TikTok announced a European Transparency and Accountability Centre in Ireland, with virtual tours from June 2021 and full operation by 2022.",
    jur="EU",
    concern=DS,
)
ann(
    G,
    6,
    "euobserver2021europeantac",
    "EUobserver reported the planned Irish centre as TikTok's answer to EU politicians' concerns about protecting children from advertising and harmful content, after consumer complaints in 15 EU states.",
    jur="EU",
    concern=DS,
    same=T2,
)
ann(
    G,
    7,
    "irishexaminer2023dublin",
    "TikTok said its physical European Transparency and Accountability Centre in Dublin would open the following month.",
    unit=T2,
    step="expanded",
    jur="EU",
    concern=DS,
)
# advisory councils
A1 = ann(
    G,
    10,
    "engadget2020contentcouncil",
    "TikTok named the outside experts of its new US Content Advisory Council, chaired by Dawn Nunziato, to guide its content moderation policies, with a first meeting on misinformation and election interference.",
    jur="US",
    concern=CO,
)
ann(
    G,
    11,
    "caixin2020contentcouncil",
    "Caixin reported the council as TikTok's latest attempt to ease US concerns over data security and possible content removal at Beijing's request.",
    jur="US",
    concern=CO,
    same=A1,
)
A2 = ann(
    G,
    12,
    "tiktok2020apaccouncil",
    "TikTok announced its Asia Pacific Safety Advisory Council of experts from across the region (post undated on the page; day from Campaign Asia's report).",
    jur="INT",
    concern=CO,
)
ann(
    G,
    13,
    "campaignasia2020apaccouncil",
    "Campaign Asia reported TikTok's appointment of an Asia-Pacific Safety Advisory Council of content, policy and academic experts.",
    jur="INT",
    concern=CO,
    same=A2,
)
A3 = ann(
    G,
    14,
    "tiktok2021europecouncil",
    "TikTok launched its Safety Advisory Council for Europe with nine inaugural members, including child-safety, anti-bullying and extremism-prevention groups (post undated on the page; day from Engadget's report).",
    jur="EU",
    concern=CO,
)
ann(
    G,
    15,
    "yahoo2021europecouncil",
    "Engadget, via Yahoo Finance, said the European council would shape TikTok's content moderation policies amid complaints and probes against the app in Europe.",
    jur="EU",
    concern=CO,
    same=A3,
)
A4 = ann(
    G,
    16,
    "tiktok2021brazilcouncil",
    "TikTok announced its Brazil Safety Advisory Council (post undated on the page; day from a Brazilian news report).",
    jur="BR",
    concern=CO,
)
ann(
    G,
    17,
    "fanoticias2021brazilcouncil",
    "A Brazilian news site reported that TikTok announced its Brazil Safety Advisory Council on Tuesday 2 March 2021.",
    jur="BR",
    concern=CO,
    same=A4,
)
ann(
    G,
    19,
    "techcentral2024africacouncil",
    "TikTok launched a Safety Advisory Council for sub-Saharan Africa, announced at its safety summit in Nairobi.",
    jur="INT",
    concern=CO,
)
# Youth Council
Y = ann(
    C,
    20,
    "tubefilter2023youthcouncil",
    "TikTok said it would launch a global Youth Council later in 2023 to listen to teens who use the platform.",
    jur="INT",
    concern=CP,
    latest="2023-06-27",
)
Y2 = ann(
    C,
    21,
    "tiktok2024youthcouncil",
    "TikTok launched its global Youth Council of 15 teens from eight countries, created with Praesidio Safeguarding to help build the app safe for teens (post undated on the page; day from Tubefilter).",
    unit=Y,
    step="activated",
    jur="INT",
    concern=CP,
)
ann(
    C,
    22,
    "tubefilter2024youthcouncil",
    "Tubefilter reported that TikTok had formally established a coalition of young people to help make the app safer for under-18s.",
    jur="INT",
    concern=CP,
    same=Y2,
)
# Family Pairing expansion: step of chi-009
FP = ann(
    C,
    25,
    "tiktok2020familypairingexpanded",
    "TikTok expanded Family Pairing so parents could also manage teens' search, comments, account discoverability and liked-videos settings (post undated on the page; day from Vanguard's report).",
    unit="chi-009",
    step="expanded",
    etype="feature",
    jur="INT",
    concern=CP,
)
ann(
    C,
    26,
    "vanguard2020familypairing",
    "Vanguard reported TikTok announcing extra Family Pairing privacy and browsing options for families that day.",
    etype="feature",
    jur="INT",
    concern=CP,
    same=FP,
)
# DSA teen ads
DT = ann(
    C,
    32,
    "iphoneincanada2023teenads",
    "Ahead of the Digital Services Act deadline, TikTok said European users aged 13-17 would no longer receive ads personalised on their online activity, and users could switch off the personalised feed.",
    etype="policy",
    jur="EU",
    concern=CP,
    latest="2023-08-05",
)
ann(
    C,
    31,
    "tiktok2023dsaupdate",
    "TikTok's own post set out the work it was doing to meet its Digital Services Act obligations by the 28 August 2023 deadline (post undated on the page).",
    etype="policy",
    jur="EU",
    concern=CP,
    same=DT,
    latest="2023-08-05",
)
# DSA day 1
DD = ann(
    G,
    33,
    "tiktok2023dsacompliance",
    "On the Digital Services Act's first day of application, TikTok described its compliance, including illegal-content reporting, a European online safety hub and a compliance function (post undated; day from a news report).",
    etype="policy",
    jur="EU",
    concern=CO,
)
ann(
    G,
    34,
    "breakinglatest2023dsa",
    "A news report dates TikTok's press release on its Digital Services Act compliance to 28 August 2023.",
    etype="policy",
    jur="EU",
    concern=CO,
    same=DD,
)
# Project Texas
PT = ann(
    G,
    37,
    "seekingalpha2022oracle",
    "TikTok said it had completed routing all US user traffic through Oracle's cloud infrastructure, an early step of its US data-security plan, Project Texas.",
    jur="US",
    concern=DS,
    cp="oracle",
)
ann(
    G,
    36,
    "tiktokusds2023oracletraffic",
    "TikTok's US Data Security site carries the statement that all US traffic is routed to Oracle Cloud under the date 24 January 2023, apparently a republication (recorded for the date disagreement).",
    jur="US",
    concern=DS,
    cp="oracle",
    same=PT,
)
ann(
    G,
    38,
    "1businessworld2022projecttexas",
    "TikTok wrote to Republican senators that it was working on 'Project Texas' to bolster data security for US users, after concerns about China-based access to US data.",
    unit=PT,
    step="expanded",
    jur="US",
    concern=DS,
)
ann(
    G,
    39,
    "digitalinformationworld2022oracleaudit",
    "Oracle began auditing TikTok's algorithms and content moderation models, which TikTok confirmed, amid fears of Chinese manipulation.",
    unit=PT,
    step="activated",
    jur="US",
    concern=DS,
    cp="oracle",
)
ann(
    G,
    40,
    "lawfare2024projecttexas",
    "According to a 2024 retrospective, TikTok unveiled Project Texas in January 2023 as its plan to address the US government's national security concerns.",
    unit=PT,
    step="expanded",
    jur="US",
    concern=DS,
)
# European data localisation (Irish data centre -> Project Clover)
EU = ann(
    G,
    44,
    "nasdaq2020irishdatacentre",
    "Facing a threatened US ban, TikTok said it would set up its first European data centre in Ireland, a EUR 420 million investment expected to operate by early 2022.",
    jur="EU",
    concern=DS,
)
ann(
    G,
    43,
    "siliconrepublic2020datacentre",
    "Silicon Republic reported TikTok naming Ireland as the site of its first European data centre, expected to be operational by early 2022.",
    jur="EU",
    concern=DS,
    same=EU,
)
DC = ann(
    G,
    46,
    "tiktok2022dublindatacentre",
    "TikTok said it had signed a contract for a Dublin data centre to house UK and EEA user data, with operations due in early 2023 (post undated on the page; month from a trade report).",
    unit=EU,
    step="expanded",
    jur="EU",
    concern=DS,
    latest="2022-04-08",
)
ann(
    G,
    47,
    "techhq2022dublindatacentre",
    "TechHQ reported that after many delays TikTok had signed contracts with a third-party provider for its Irish data centre, with construction under way.",
    jur="EU",
    concern=DS,
    same=DC,
    latest="2022-04-08",
)
ann(
    G,
    48,
    "x",
    "TikTok said it was finalising plans for a second data centre in Ireland with a third-party provider, with migration of European user data to begin in 2023.",
    unit=EU,
    step="expanded",
    jur="EU",
    concern=DS,
)
CL = ann(
    G,
    49,
    "tiktokeds2023projectclover",
    "TikTok announced Project Clover, a secure enclave for European users' data in data centres in Ireland and Norway, with a third-party European security auditor.",
    unit=EU,
    step="expanded",
    jur="EU",
    concern=DS,
)
ann(
    G,
    50,
    "irishtimes2023projectclover",
    "The Irish Times reported TikTok's new European data-protection measures as an attempt to address governments' growing security concerns.",
    jur="EU",
    concern=DS,
    same=CL,
)
ann(
    G,
    51,
    "capacitymedia2023greenmountain",
    "Green Mountain said TikTok had signed an initial contract for three buildings and 90MW at its planned data centre campus in Hamar, Norway, part of Project Clover.",
    unit=EU,
    step="expanded",
    jur="EU",
    concern=DS,
    cp="green_mountain",
)
ann(
    G,
    52,
    "kion2023irishdatacenter",
    "TikTok said operations had started at the first of its three European data centres, in Ireland, part of its project to ease Western privacy fears.",
    unit=EU,
    step="activated",
    jur="EU",
    concern=DS,
)
ann(
    G,
    53,
    "siliconrepublic2023nccgroup",
    "Announcing the Dublin data centre's start, TikTok said it had hired UK cybersecurity firm NCC Group to audit its European data controls and provide independent verification.",
    unit=EU,
    step="detail",
    jur="EU",
    concern=DS,
    cp="ncc_group",
)
ann(
    G,
    54,
    "siliconrepublic2023clover12bn",
    "TikTok said it would invest more than EUR 12 billion in Europe over the next decade to deliver Project Clover, as the first Norwegian data centre building was handed over.",
    unit=EU,
    step="expanded",
    jur="EU",
    concern=DS,
)
ann(
    G,
    55,
    "4nownews2024norway",
    "ByteDance had begun moving European TikTok users' data to its new Norwegian data centre, as reported on 1 November 2024; another report dates the start to October 2024.",
    unit=EU,
    step="activated",
    jur="EU",
    concern=DS,
    date="2024-10",
    latest="2024-11-01",
)
ann(
    G,
    56,
    "securityinfowatch2025nccgroup",
    "NCC Group signed a three-year contract extension to remain the independent security provider for TikTok's Project Clover.",
    unit=EU,
    step="renewed",
    jur="EU",
    concern=DS,
    cp="ncc_group",
)
# EU consumer (CPC) commitments: concluded step of seed-048 (codebook: closure of an opened investigation)
c = CM[58]
add(
    G,
    c["date"],
    "TikTok committed to EU consumer authorities to align its advertising and commercial practices with EU consumer law, including on ads aimed at children, closing the dialogue opened in May 2021.",
    src("eubusiness2022cpccommitments", c),
    c["evidence"],
    kind="episode",
    unit="seed-048",
    step="concluded",
    direction="neutral",
    etype="investigation",
    actor="eu_commission",
    level="eu_institution",
    jur="EU",
    concern="consumer_protection",
)
# Kenya
ann(
    G,
    60,
    "statehousekenya2023tiktok",
    "In a virtual meeting with Kenya's President Ruto, TikTok's chief executive committed to moderating content to fit community standards and to opening a Kenya office, after a ban petition was tabled in Parliament.",
    jur="KE",
    concern=CO,
    cp="ke_president",
)

# fix placeholder 'x' source ids (reused by url)
# ---------------- write ----------------
with open(OUT / "sources.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(
        f, fieldnames=list(next(iter(src_exist.values())).keys()), lineterminator="\n"
    )
    w.writeheader()
    for r in SOURCES.values():
        w.writerow(r)
with open(OUT / "organisations.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["org_id", "name", "type", "country"])
    for o in NEW_ORGS:
        w.writerow(o)
with open(OUT / "events.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=HDR, lineterminator="\n")
    w.writeheader()
    for r in EVENTS:
        w.writerow(r)
print(len(SOURCES), "sources", len(NEW_ORGS), "orgs", len(EVENTS), "events", counters)
