#!/usr/bin/env python3
# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a session of N participants on the built-in deck, for looking at
the chart as users see it (README.md).  Everyone sorts and rates every
card, leaning to one end of the scale on each hat; the seed is fixed, so
the same N always gives the same file.  With a third argument, every fifth
name ends in an emoji, which the chart must draw in colour."""

import json
import pathlib
import random
import sys

if len(sys.argv) < 3:
    sys.exit("usage: make-session.py N OUT.twohats [emoji]")

count = int(sys.argv[1])
deck_path = pathlib.Path(__file__).resolve().parents[2] / "data" / "decks" / "leadership-management.json"
deck = json.loads(deck_path.read_text(encoding="utf-8"))
rand = random.Random(20260302 + count)
first = ["Ana", "Lee", "Jordan", "Mia", "Noah", "Zoë", "Ravi", "Chen", "Fatima", "Olu",
         "Ingrid", "Mateo", "Yuki", "Sam", "Priya", "Jonas", "Amara", "Luca", "Sofía", "Kwame"]
last = ["Silva", "Okafor", "Müller", "Nguyen", "Smith", "García", "Kowalski", "Haddad",
        "Tanaka", "Ivanova", "O'Brien", "Johansson", "Dubois", "Rossi", "Kim", "Mensah"]
other_side = {"leadership": "management", "management": "leadership"}

people = []
for i in range(count):
    lean = {"leadership": rand.uniform(1, 5), "management": rand.uniform(1, 5)}
    ratings, sort = {}, {}
    for card in deck["behaviours"]:
        ratings[card["id"]] = max(1, min(5, round(rand.gauss(lean[card["key"]], 0.9))))
        sort[card["id"]] = card["key"] if rand.random() < 0.8 else other_side[card["key"]]
    name = f"{rand.choice(first)} {rand.choice(last)}"
    if len(sys.argv) > 3 and i % 5 == 0:
        name += " 🎩"
    people.append({"id": f"p{i + 1}", "name": name, "sort": sort, "ratings": ratings})

session = {
    "format": "two-hats-session",
    "version": 1,
    "title": "Leadership offsite",
    "created": "2026-03-02T09:00:00Z",
    "threshold": 50,
    "deck": deck,
    "participants": people,
}
pathlib.Path(sys.argv[2]).write_text(json.dumps(session, ensure_ascii=False, indent=1),
                                     encoding="utf-8")
