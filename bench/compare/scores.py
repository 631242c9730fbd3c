#!/usr/bin/python3
# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The comparison for `two-hats --export-csv`: the same scores CSV
(docs/csv.md "The scores CSV") with nothing but Python's json and csv
modules.  No validation beyond what the computation needs, so it does less
work than Two Hats, which checks every value of the file.

    scores.py SESSION OUT.csv
"""

import csv
import json
import sys


def quadrant(leadership, management, threshold):
    if leadership >= threshold:
        return 'balanced' if management >= threshold else 'leadership-driven'
    return 'management-driven' if management >= threshold else 'developing'


def main(session_path, out_path):
    with open(session_path, encoding='utf-8') as f:
        session = json.load(f)

    threshold = session.get('threshold', 50)
    keys = {b['id']: b['key'] for b in session['deck']['behaviours']}

    with open(out_path, 'w', encoding='utf-8', newline='') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(['id', 'name', 'leadership', 'management', 'quadrant', 'sorted', 'correct'])
        for p in session['participants']:
            sums = {'leadership': [0, 0], 'management': [0, 0]}
            for behaviour, rating in p.get('ratings', {}).items():
                total = sums[keys[behaviour]]
                total[0] += rating
                total[1] += 1
            scores = {}
            for side, (s, n) in sums.items():
                scores[side] = 100.0 * (s - n) / (4.0 * n) if n else None
            sort = p.get('sort', {})
            correct = sum(1 for b, side in sort.items() if keys[b] == side)
            lead, manage = scores['leadership'], scores['management']
            defined = lead is not None and manage is not None
            writer.writerow([
                p['id'], p['name'],
                '' if lead is None else '%.1f' % lead,
                '' if manage is None else '%.1f' % manage,
                quadrant(lead, manage, threshold) if defined else '',
                len(sort), correct,
            ])


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
