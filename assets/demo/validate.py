#!/usr/bin/env python3
"""Checks a jalon/1 file against the interchange spec, then summarises it.

    python3 validate.py hdf.json [--today YYYY-MM-DD] [--horizon 30]

Errors (the file breaks the spec) are printed with a JSON path such as
`plans[2].actions[5].due`; the exit code is then 1. Warnings (the file is valid but
something looks wrong: paid above committed, an allocation exceeded, a date after
`--today`…) are printed but do not fail. The summary gives counts, the money per
territory against its allocation, and, for `--today` (default: the demo's reference
day, 2025-03-31), the overdue, due-soon and late-start counts per territory.

The file is checked on its own: every reference must resolve inside it.
Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from decimal import Decimal

REFERENCE_DAY = "2025-03-31"
FORMAT = "jalon/1"

CODE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONEY_RE = re.compile(r"^\d+(\.\d{1,2})?$")
NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
TIMESTAMP_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")

ORG_KINDS = {"ars_headquarters", "ars_delegation", "health_insurance", "local_authority", "hospital",
             "ght", "cpts", "urps", "association", "education", "state_service", "other"}
PLAN_KINDS = {"cts_roadmap", "cpom", "performance_contract", "other"}
PLAN_STATUSES = {"draft", "consultation", "adopted", "in_force", "closed"}
ACTION_STATUSES = {"todo", "in_progress", "on_hold", "done", "abandoned"}
SOURCES = {"fir", "health_insurance", "local_authority", "state", "europe", "own_funds", "other"}
WEATHERS = {"green", "orange", "red"}
INDICATOR_KINDS = {"output", "outcome", "impact"}

# The shape of every object: field -> (type, required). Types:
#   str, code, date, timestamp, money, number, int, progress,
#   ("enum", set), ("obj", name), ("list", name), ("strlist",), ("ref", kind)
REQ, OPT = True, False
SCHEMA = {
    "document": {
        "format": ("str", REQ), "region": (("obj", "region"), OPT), "themes": (("list", "theme"), OPT),
        "territories": (("list", "territory"), OPT), "organisations": (("list", "organisation"), OPT),
        "people": (("list", "person"), OPT), "envelopes": (("list", "envelope"), OPT),
        "catalogue": (("list", "catalogue"), OPT), "plans": (("list", "plan"), OPT),
    },
    "region": {"code": ("code", REQ), "name": ("str", REQ)},
    "theme": {"code": ("code", REQ), "label": ("str", REQ)},
    "territory": {"code": ("code", REQ), "name": ("str", REQ), "departments": (("strlist",), OPT)},
    "organisation": {"code": ("code", REQ), "name": ("str", REQ), "kind": (("enum", ORG_KINDS), OPT),
                     "territory": (("ref", "territory"), OPT)},
    "person": {"code": ("code", REQ), "name": ("str", REQ), "organisation": (("ref", "organisation"), OPT),
               "email": ("str", OPT), "phone": ("str", OPT), "login": ("str", OPT)},
    "envelope": {"code": ("code", REQ), "label": ("str", OPT), "amount": ("money", OPT)},
    "catalogue": {"code": ("code", REQ), "title": ("str", REQ), "theme": (("ref", "theme"), OPT),
                  "description": ("str", OPT)},
    "plan": {
        "code": ("code", REQ), "territory": (("ref", "territory"), REQ), "kind": (("enum", PLAN_KINDS), REQ),
        "title": ("str", REQ), "status": (("enum", PLAN_STATUSES), OPT), "start": ("date", OPT),
        "end": ("date", OPT), "signed_on": ("date", OPT), "envelope": (("ref", "envelope"), OPT),
        "allocation": ("money", OPT), "actions": (("list", "action"), OPT),
    },
    "action": {
        "code": ("code", REQ), "title": ("str", REQ), "catalogue": (("ref", "catalogue"), OPT),
        "theme": (("ref", "theme"), OPT), "objective": ("str", OPT),
        "status": (("enum", ACTION_STATUSES), REQ), "progress": ("progress", OPT),
        "weather": (("enum", WEATHERS), OPT), "pilot": (("obj", "pilot"), OPT),
        "partners": (("list", "partner"), OPT), "start": ("date", OPT), "due": ("date", OPT),
        "done_on": ("date", OPT), "milestones": (("list", "milestone"), OPT),
        "budget": (("list", "budget"), OPT), "indicators": (("list", "indicator"), OPT),
        "journal": (("list", "journal"), OPT),
    },
    "pilot": {"organisation": (("ref", "organisation"), REQ), "person": (("ref", "person"), OPT)},
    "partner": {"organisation": (("ref", "organisation"), REQ), "role": ("str", OPT)},
    "milestone": {"title": ("str", REQ), "due": ("date", REQ), "done_on": ("date", OPT)},
    "budget": {
        "source": (("enum", SOURCES), REQ), "envelope": (("ref", "envelope"), OPT),
        "funder": (("ref", "organisation"), OPT), "year": ("int", OPT), "label": ("str", OPT),
        "planned": ("money", REQ), "committed": ("money", OPT), "paid": ("money", OPT),
    },
    "indicator": {
        "label": ("str", REQ), "kind": (("enum", INDICATOR_KINDS), OPT), "unit": ("str", OPT),
        "baseline": ("number", OPT), "target": ("number", OPT), "target_date": ("date", OPT),
        "values": (("list", "value"), OPT),
    },
    "value": {"on": ("date", OPT), "value": ("number", OPT)},
    "journal": {"at": ("timestamp", REQ), "author": ("str", REQ), "text": ("str", REQ)},
}
# Collections whose items carry a code unique in the file, by reference kind.
CODED = {"themes": "theme", "territories": "territory", "organisations": "organisation",
         "people": "person", "envelopes": "envelope", "catalogue": "catalogue", "plans": "plan"}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, path: str, msg: str) -> None:
        self.errors.append(f"{path}: {msg}")

    def warn(self, path: str, msg: str) -> None:
        self.warnings.append(f"{path}: {msg}")


def parse_date(s) -> dt.date | None:
    if not isinstance(s, str) or not DATE_RE.match(s):
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None


def cents(s) -> int | None:
    if isinstance(s, str) and MONEY_RE.match(s):
        return int(Decimal(s) * 100)
    return None


def join(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


# ---------------------------------------------------------------- shape (types, keys)

def check_value(rep: Report, path: str, typ, value, refs: list) -> None:
    """Type-checks one non-null value; records references for the second pass."""
    kind = typ if isinstance(typ, str) else typ[0]
    if kind == "str":
        if not isinstance(value, str):
            rep.error(path, f"expected a string, found {json.dumps(value, ensure_ascii=False)[:40]}")
        elif not value.strip():
            rep.error(path, "empty text")
    elif kind == "code":
        if not isinstance(value, str) or not CODE_RE.match(value):
            rep.error(path, f"invalid code {json.dumps(value, ensure_ascii=False)}: 1–40 letters, digits, '-', '_', '.'")
    elif kind == "date":
        if parse_date(value) is None:
            rep.error(path, f"invalid date {json.dumps(value, ensure_ascii=False)}: expected YYYY-MM-DD")
    elif kind == "timestamp":
        ok = isinstance(value, str) and TIMESTAMP_RE.match(value)
        if ok:
            try:
                dt.datetime.fromisoformat(value.replace("z", "Z"))
            except ValueError:
                ok = False
        if not ok:
            rep.error(path, f"invalid timestamp {json.dumps(value, ensure_ascii=False)}: expected RFC 3339, e.g. 2024-01-10T09:00:00Z")
    elif kind == "money":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            rep.error(path, f"amount {value} is a JSON number: write it as a string, e.g. \"{value}\"")
        elif not isinstance(value, str):
            rep.error(path, "expected an amount as a decimal string")
        elif value.startswith("-"):
            rep.error(path, f"negative amount {value!r}")
        elif not MONEY_RE.match(value):
            rep.error(path, f"invalid amount {value!r}: euros with a dot and at most two decimals")
    elif kind == "number":
        if not isinstance(value, str) or not NUMBER_RE.match(value):
            rep.error(path, f"invalid number {json.dumps(value, ensure_ascii=False)}: expected a decimal string")
    elif kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            rep.error(path, f"expected an integer, found {json.dumps(value)}")
        elif not 1900 <= value <= 2200:
            rep.error(path, f"implausible year {value}")
    elif kind == "progress":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            rep.error(path, f"progress must be an integer from 0 to 100, found {json.dumps(value)}")
    elif kind == "enum":
        if value not in typ[1]:
            rep.error(path, f"unknown value {json.dumps(value, ensure_ascii=False)}; expected one of: {', '.join(sorted(typ[1]))}")
    elif kind == "strlist":
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            rep.error(path, "expected a list of strings")
    elif kind == "ref":
        if not isinstance(value, str) or not CODE_RE.match(value):
            rep.error(path, f"invalid {typ[1]} code {json.dumps(value, ensure_ascii=False)}")
        else:
            refs.append((path, typ[1], value))
    elif kind == "obj":
        check_object(rep, path, typ[1], value, refs)
    elif kind == "list":
        if not isinstance(value, list):
            rep.error(path, "expected a list")
        else:
            for i, item in enumerate(value):
                check_object(rep, join(path, i), typ[1], item, refs)


def check_object(rep: Report, path: str, name: str, obj, refs: list) -> None:
    where = path or "(top level)"
    if not isinstance(obj, dict):
        rep.error(where, f"expected an object ({name})")
        return
    fields = SCHEMA[name]
    for key in obj:
        if key not in fields:
            rep.error(join(path, key), f"unknown key {key!r} in {name} (known: {', '.join(fields)})")
    for key, (typ, required) in fields.items():
        value = obj.get(key)
        if value is None:
            if required:
                rep.error(join(path, key), f"required field missing in {name}")
            continue
        check_value(rep, join(path, key), typ, value, refs)


# ---------------------------------------------------------------- meaning

def items(doc: dict, key: str) -> list:
    v = doc.get(key)
    return [x for x in v if isinstance(x, dict)] if isinstance(v, list) else []


def check_meaning(rep: Report, doc: dict, refs: list, today: dt.date) -> None:
    if doc.get("format") not in (None, FORMAT):
        rep.error("format", f"unknown format {doc.get('format')!r}: this checker reads {FORMAT!r}")

    known: dict[str, set] = defaultdict(set)
    for key, kind in CODED.items():
        seen: dict[str, int] = {}
        for i, x in enumerate(doc.get(key) or []):
            if isinstance(x, dict) and isinstance(x.get("code"), str):
                if x["code"] in seen:
                    rep.error(f"{key}[{i}].code", f"duplicate {kind} code {x['code']!r} (also {key}[{seen[x['code']]}])")
                seen.setdefault(x["code"], i)
                known[kind].add(x["code"])
    logins: dict[str, int] = {}
    for i, p in enumerate(items(doc, "people")):
        login = p.get("login")
        if isinstance(login, str):
            if login in logins:
                rep.error(f"people[{i}].login", f"login {login!r} already used by people[{logins[login]}]")
            logins.setdefault(login, i)

    for path, kind, code in refs:
        if code not in known[kind]:
            rep.error(path, f"unknown {kind} {code!r}: not defined in this file")

    people_org = {p.get("code"): p.get("organisation") for p in items(doc, "people")}
    catalogue_theme = {c.get("code"): c.get("theme") for c in items(doc, "catalogue")}
    authors = set(logins) | known["person"]

    envelopes = {e.get("code"): cents(e.get("amount")) for e in items(doc, "envelopes")}
    allocated: Counter = Counter()
    on_envelope: Counter = Counter()

    for pi, plan in enumerate(items(doc, "plans")):
        pp = f"plans[{pi}]"
        p_start, p_end = parse_date(plan.get("start")), parse_date(plan.get("end"))
        if p_start and p_end and p_end < p_start:
            rep.error(f"{pp}.end", f"plan ends ({p_end}) before it starts ({p_start})")
        alloc = cents(plan.get("allocation"))
        if alloc is not None:
            if plan.get("envelope"):
                allocated[plan["envelope"]] += alloc
            else:
                rep.warn(f"{pp}.allocation", "an allocation without an envelope")
        seen: dict[str, int] = {}
        for ai, a in enumerate(plan.get("actions") or []):
            if not isinstance(a, dict):
                continue
            ap = f"{pp}.actions[{ai}]"
            code = a.get("code")
            if isinstance(code, str):
                if code in seen:
                    rep.error(f"{ap}.code", f"duplicate action code {code!r} in plan {plan.get('code')!r} (also actions[{seen[code]}])")
                seen.setdefault(code, ai)
            status = a.get("status")
            start, due, done_on = parse_date(a.get("start")), parse_date(a.get("due")), parse_date(a.get("done_on"))
            if status == "done" and a.get("done_on") is None:
                rep.error(f"{ap}.done_on", "required when the status is 'done'")
            if status != "done" and a.get("done_on") is not None:
                rep.error(f"{ap}.done_on", f"refused with status {status!r} (only a done action has a done_on)")
            if start and due and due < start:
                rep.error(f"{ap}.due", f"due ({due}) before start ({start})")
            if done_on and start and done_on < start:
                rep.warn(f"{ap}.done_on", f"done ({done_on}) before it started ({start})")
            if done_on and done_on > today:
                rep.warn(f"{ap}.done_on", f"done on {done_on}, after today ({today})")
            progress = a.get("progress")
            if status == "done" and progress not in (None, 100):
                rep.warn(f"{ap}.progress", f"a done action at {progress} %")
            if status == "todo" and isinstance(progress, int) and progress > 20:
                rep.warn(f"{ap}.progress", f"a not-started action at {progress} %")
            if a.get("weather") and status in ("done", "abandoned"):
                rep.warn(f"{ap}.weather", f"weather on a {status} action")
            if p_start and p_end and start and due and (start < p_start - dt.timedelta(days=366) or due > p_end):
                rep.warn(f"{ap}.due", f"action {start}–{due} outside its plan's period {p_start}–{p_end}")
            cat = a.get("catalogue")
            if cat in catalogue_theme and a.get("theme") and catalogue_theme[cat] and a["theme"] != catalogue_theme[cat]:
                rep.warn(f"{ap}.theme", f"theme {a['theme']!r} differs from its catalogue item's ({catalogue_theme[cat]!r})")
            pilot = a.get("pilot")
            if isinstance(pilot, dict) and pilot.get("person") in people_org:
                if people_org[pilot["person"]] != pilot.get("organisation"):
                    rep.warn(f"{ap}.pilot.person", f"{pilot['person']!r} belongs to {people_org[pilot['person']]!r}, not to the pilot organisation {pilot.get('organisation')!r}")
            partners = [p.get("organisation") for p in a.get("partners") or [] if isinstance(p, dict)]
            for dup in {o for o in partners if partners.count(o) > 1}:
                rep.warn(f"{ap}.partners", f"partner {dup!r} listed twice")

            for mi, m in enumerate(a.get("milestones") or []):
                if not isinstance(m, dict):
                    continue
                mp = f"{ap}.milestones[{mi}]"
                m_due, m_done = parse_date(m.get("due")), parse_date(m.get("done_on"))
                if m_due and start and due and not (start <= m_due <= due):
                    rep.warn(f"{mp}.due", f"milestone due {m_due} outside the action's {start}–{due}")
                if m_done and m_done > today:
                    rep.warn(f"{mp}.done_on", f"done on {m_done}, after today ({today})")
                if m_done and done_on and m_done > done_on:
                    rep.warn(f"{mp}.done_on", f"milestone done after its action ({done_on})")
                if status == "done" and m.get("done_on") is None:
                    rep.warn(f"{mp}.done_on", "an open milestone on a done action")

            for bi, b in enumerate(a.get("budget") or []):
                if not isinstance(b, dict):
                    continue
                bp = f"{ap}.budget[{bi}]"
                planned, committed, paid = cents(b.get("planned")), cents(b.get("committed")), cents(b.get("paid"))
                if planned is not None and committed is not None and committed > planned:
                    rep.warn(bp, f"committed {b['committed']} above planned {b['planned']}")
                if paid is not None and committed is not None and paid > committed:
                    rep.warn(bp, f"paid {b['paid']} above committed {b['committed']}")
                year = b.get("year")
                if isinstance(year, int) and start and due and not (start.year <= year <= due.year):
                    rep.warn(f"{bp}.year", f"year {year} outside the action's {start.year}–{due.year}")
                if b.get("envelope") and planned is not None:
                    on_envelope[b["envelope"]] += planned
                    if b.get("source") != "fir":
                        rep.warn(f"{bp}.envelope", f"an envelope on a {b.get('source')!r} line")

            for ii, ind in enumerate(a.get("indicators") or []):
                if not isinstance(ind, dict):
                    continue
                for vi, v in enumerate(ind.get("values") or []):
                    if isinstance(v, dict):
                        on = parse_date(v.get("on"))
                        if on and on > today:
                            rep.warn(f"{ap}.indicators[{ii}].values[{vi}].on", f"measured on {on}, after today ({today})")
                        if v.get("value") is None:
                            rep.warn(f"{ap}.indicators[{ii}].values[{vi}]", "a measure without a value")

            seen_entries = set()
            for ji, j in enumerate(a.get("journal") or []):
                if not isinstance(j, dict):
                    continue
                jp = f"{ap}.journal[{ji}]"
                author = j.get("author")
                if isinstance(author, str) and author not in authors:
                    rep.warn(f"{jp}.author", f"{author!r} is neither a person's login nor a person's code")
                at = j.get("at")
                if isinstance(at, str) and TIMESTAMP_RE.match(at):
                    try:
                        when = dt.datetime.fromisoformat(at.replace("z", "Z"))
                        if when.date() > today:
                            rep.warn(f"{jp}.at", f"written on {when.date()}, after today ({today})")
                    except ValueError:
                        pass
                key = (j.get("at"), j.get("author"), j.get("text"))
                if key in seen_entries:
                    rep.warn(jp, "the same journal entry twice (same at, author and text)")
                seen_entries.add(key)

    for code, amount in envelopes.items():
        if amount is None:
            continue
        if allocated[code] > amount:
            rep.warn("envelopes", f"{code}: allocations {eur(allocated[code])} exceed the envelope {eur(amount)}")
        if on_envelope[code] > amount:
            rep.warn("envelopes", f"{code}: planned lines {eur(on_envelope[code])} exceed the envelope {eur(amount)}")


# ---------------------------------------------------------------- summary

def eur(c: int) -> str:
    s = f"{c / 100:,.2f}".replace(",", " ")
    return s[:-3] if s.endswith(".00") else s


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    –  "


def summary(doc: dict, today: dt.date, horizon: int, rep: Report) -> None:
    plans = items(doc, "plans")
    actions = [(p, a) for p in plans for a in p.get("actions") or [] if isinstance(a, dict)]
    ms = [m for _, a in actions for m in a.get("milestones") or [] if isinstance(m, dict)]
    lines = [b for _, a in actions for b in a.get("budget") or [] if isinstance(b, dict)]
    print("== Counts")
    counts = [("territories", len(items(doc, "territories"))), ("themes", len(items(doc, "themes"))),
              ("organisations", len(items(doc, "organisations"))), ("people", len(items(doc, "people"))),
              ("envelopes", len(items(doc, "envelopes"))), ("catalogue items", len(items(doc, "catalogue"))),
              ("plans", len(plans)), ("actions", len(actions)), ("milestones", len(ms)),
              ("budget lines", len(lines)),
              ("indicators", sum(len(a.get("indicators") or []) for _, a in actions)),
              ("journal entries", sum(len(a.get("journal") or []) for _, a in actions))]
    print("  " + ", ".join(f"{n} {what}" for what, n in counts))
    statuses = Counter(a.get("status") for _, a in actions)
    print("  statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))))

    territories = [t.get("code") for t in items(doc, "territories")]
    for p in plans:
        if p.get("territory") not in territories:
            territories.append(p.get("territory"))

    print(f"\n== Money per territory (lines on the plan's envelope vs allocation; all sources)")
    print(f"  {'terr.':6} {'allocation':>11} {'planned':>11} {'':>7} {'committed':>11} {'':>7} {'paid':>11} {'':>7}"
          f" | {'all planned':>12} {'all paid':>11}")
    totals = Counter()
    for t in territories:
        tp = [p for p in plans if p.get("territory") == t]
        alloc = sum(cents(p.get("allocation")) or 0 for p in tp)
        env = Counter()
        allsrc = Counter()
        for p in tp:
            for a in p.get("actions") or []:
                for b in (a.get("budget") or []) if isinstance(a, dict) else []:
                    if not isinstance(b, dict):
                        continue
                    vals = {k: cents(b.get(k)) or 0 for k in ("planned", "committed", "paid")}
                    allsrc.update(vals)
                    if p.get("envelope") and b.get("envelope") == p.get("envelope"):
                        env.update(vals)
        totals.update({"alloc": alloc, **{f"e_{k}": v for k, v in env.items()},
                       **{f"a_{k}": v for k, v in allsrc.items()}})
        print(f"  {t:6} {eur(alloc):>11} {eur(env['planned']):>11} {pct(env['planned'], alloc)} "
              f"{eur(env['committed']):>11} {pct(env['committed'], alloc)} {eur(env['paid']):>11} {pct(env['paid'], alloc)}"
              f" | {eur(allsrc['planned']):>12} {eur(allsrc['paid']):>11}")
        if alloc and env["planned"] > alloc:
            rep.warn(f"territory {t}", f"planned {eur(env['planned'])} on the envelope exceeds the allocation {eur(alloc)}")
    print(f"  {'total':6} {eur(totals['alloc']):>11} {eur(totals['e_planned']):>11} {pct(totals['e_planned'], totals['alloc'])} "
          f"{eur(totals['e_committed']):>11} {pct(totals['e_committed'], totals['alloc'])} "
          f"{eur(totals['e_paid']):>11} {pct(totals['e_paid'], totals['alloc'])}"
          f" | {eur(totals['a_planned']):>12} {eur(totals['a_paid']):>11}")
    for e in items(doc, "envelopes"):
        amount = cents(e.get("amount"))
        alloc = sum(cents(p.get("allocation")) or 0 for p in plans if p.get("envelope") == e.get("code"))
        print(f"  envelope {e.get('code')}: amount {eur(amount or 0)}, allocated {eur(alloc)}")

    end = today + dt.timedelta(days=horizon)
    print(f"\n== On {today} (due soon = due from today to {end})")
    print(f"  {'terr.':6} {'actions':>7} {'overdue':>8} {'ms overdue':>10} {'due soon':>9} {'ms soon':>8} {'late start':>10}")
    rows = Counter()
    late_list = []
    for t in territories:
        c = Counter()
        for p, a in actions:
            if p.get("territory") != t:
                continue
            c["actions"] += 1
            status = a.get("status")
            open_ = status not in ("done", "abandoned")
            due, start = parse_date(a.get("due")), parse_date(a.get("start"))
            if open_ and due and due < today:
                c["overdue"] += 1
                late_list.append(((today - due).days, f"{p.get('code')}/{a.get('code')}", status, a.get("title", "")))
            if open_ and due and today <= due <= end:
                c["soon"] += 1
            if status == "todo" and start and start < today:
                c["late_start"] += 1
            for m in a.get("milestones") or []:
                if not isinstance(m, dict) or not open_ or m.get("done_on") is not None:
                    continue
                m_due = parse_date(m.get("due"))
                if m_due and m_due < today:
                    c["ms_overdue"] += 1
                elif m_due and m_due <= end:
                    c["ms_soon"] += 1
        rows.update(c)
        print(f"  {t:6} {c['actions']:>7} {c['overdue']:>8} {c['ms_overdue']:>10} {c['soon']:>9} {c['ms_soon']:>8} {c['late_start']:>10}")
    print(f"  {'total':6} {rows['actions']:>7} {rows['overdue']:>8} {rows['ms_overdue']:>10} {rows['soon']:>9} {rows['ms_soon']:>8} {rows['late_start']:>10}")
    if late_list:
        print("  overdue actions, latest first:")
        for d, ref, status, title in sorted(late_list, reverse=True):
            print(f"    {d:>4} days  {ref:22} {status:12} {title[:60]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--today", default=REFERENCE_DAY, help="YYYY-MM-DD (default: %(default)s)")
    ap.add_argument("--horizon", type=int, default=30, help="days ahead for 'due soon' (default: 30)")
    args = ap.parse_args()
    today = parse_date(args.today)
    if today is None:
        print(f"--today: invalid date {args.today!r} (YYYY-MM-DD)", file=sys.stderr)
        return 2
    try:
        with open(args.file, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, UnicodeDecodeError) as e:
        print(f"{args.file}: cannot read: {e}", file=sys.stderr)
        return 1
    except json.JSONDecodeError as e:
        print(f"{args.file}: line {e.lineno}, column {e.colno}: invalid JSON: {e.msg}", file=sys.stderr)
        return 1

    rep = Report()
    refs: list = []
    check_object(rep, "", "document", doc, refs)
    if isinstance(doc, dict):
        check_meaning(rep, doc, refs, today)
        summary(doc, today, args.horizon, rep)

    print()
    for w in rep.warnings:
        print(f"warning: {w}")
    for e in rep.errors:
        print(f"error: {e}")
    print(f"{args.file}: {len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
