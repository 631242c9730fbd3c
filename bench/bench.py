#!/usr/bin/python3
# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs every benchmark of bench/run and prints one table (README.md
"Benchmarks").  Each command is a whole process, run once to warm the
file cache and then RUNS times; the table shows the median wall-clock
time and the median peak resident memory (getrusage of the child, the
number GNU time prints as %M).  Ratios are Two Hats divided by the other
tool: below 1 means Two Hats is faster or smaller.

Called by bench/run inside Xvfb with a session bus; it is not meant to be
run by hand, though it can be: bench.py --build build-bench --work DIR.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEBIAN_PYTHON = '/usr/bin/python3'
MIB = 1024 * 1024


class Result:
    def __init__(self, label, times, rss_kib, note=''):
        self.label = label
        self.time = statistics.median(times)
        self.rss = statistics.median(rss_kib) * 1024
        self.runs = len(times)
        self.note = note


def run_once(cmd, env, timeout):
    """Wall time and peak RSS (KiB) of one run of @cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid != 0:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            raise RuntimeError('%s: no answer after %d s' % (cmd[0], timeout))
        time.sleep(0.0005)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors='replace')
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError('%s exited with %d:\n%s' % (' '.join(cmd), proc.returncode, err[-2000:]))
    return elapsed, usage.ru_maxrss


def measure(label, cmd, runs, env=None, timeout=600, note=''):
    env = dict(os.environ if env is None else env)
    run_once(cmd, env, timeout)  # warm-up: file cache, font cache
    times, rss = [], []
    for _ in range(runs):
        t, m = run_once(cmd, env, timeout)
        times.append(t)
        rss.append(m)
    return Result(label, times, rss, note)


def fmt_time(seconds):
    if seconds < 1:
        return '%.0f ms' % (seconds * 1000) if seconds >= 0.01 else '%.1f ms' % (seconds * 1000)
    return '%.2f s' % seconds


def fmt_mem(n_bytes):
    return '%.1f MiB' % (n_bytes / MIB)


def print_row(task, tool, result, ours=None):
    ratio = ''
    if ours is not None and result is not ours:
        ratio = '%6.2f× %6.2f×' % (ours.time / result.time, ours.rss / result.rss)
    print('%-34s %-26s %10s %11s   %s%s' % (task, tool, fmt_time(result.time), fmt_mem(result.rss),
                                          ratio, ('  ' + result.note) if result.note else ''))


def cpu_model():
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return 'unknown CPU'


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return 'missing'


def header(title):
    print()
    print(title)
    print('%-34s %-26s %10s %11s   %s' % ('task', 'tool', 'median', 'peak RSS',
                                        'ratio time, memory (two-hats ÷ tool)'))
    print('-' * 118)


def generate(gen, out, participants, points=None, behaviours=0, answers=0):
    cmd = [gen, '--participants=%d' % participants, '--out=' + out]
    if points:
        cmd.append('--points=' + points)
    if behaviours:
        cmd += ['--behaviours=%d' % behaviours, '--answers=%d' % answers]
    subprocess.run(cmd, check=True)
    return out


def window_env(args):
    """The environment of a run of the app's window under Xvfb that exits
    after its first frame; returns it and a folder to remove afterwards."""
    env = dict(os.environ)
    xdg = tempfile.mkdtemp(prefix='two-hats-bench-xdg-')
    env.update({
        'TH_EXIT_AFTER_FIRST_FRAME': '1',
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': os.path.join(args.build, 'data'),
        'XDG_DATA_HOME': os.path.join(xdg, 'data'),
        'XDG_CONFIG_HOME': os.path.join(xdg, 'config'),
        'XDG_CACHE_HOME': os.path.join(xdg, 'cache'),
        'GDK_BACKEND': 'x11',
        'GDK_DEBUG': 'gl-disable',
        'NO_AT_BRIDGE': '1',
    })
    return env, xdg


def measure_pair(label, cmd, base_cmd, runs, env, timeout=60):
    """@cmd and @base_cmd one after the other, run by run, so that both
    see the same machine (a warm-up of each first)."""
    run_once(cmd, env, timeout)
    run_once(base_cmd, env, timeout)
    times, rss, base_times, base_rss = [], [], [], []
    for _ in range(runs):
        t, m = run_once(cmd, env, timeout)
        times.append(t)
        rss.append(m)
        t, m = run_once(base_cmd, env, timeout)
        base_times.append(t)
        base_rss.append(m)
    return Result(label, times, rss), Result('bare', base_times, base_rss)


def bench_startup(args, two_hats, work, runs):
    """Spawn to the first painted frame, the app against a bare
    AdwApplication window, run by run: with no file, and opening
    workshops from 30 to 10 000 people and the 1 000-card scale file
    (the frame that counts is the first one with the file shown)."""
    env, xdg = window_env(args)
    bare_cmd = [os.path.join(args.build, 'bench', 'bench-window')]
    rows = [('start-up, no file', [], 1.1)]
    for n, goal in ((30, 2), (1000, 3), (10000, 4)):
        rows.append(('open %s people' % format(n, ',').replace(',', ' '),
                     [os.path.join(work, 'workshop-%d.twohats' % n)], goal))
    scale = os.path.join(work, 'scale-1000.twohats')
    if os.path.exists(scale):
        rows.append(('open 1 000 cards, 1 000 people', [scale], None))
    header('Start-up and opening a workshop, to the first painted frame (Xvfb, '
           'GDK_DEBUG=gl-disable), each run beside a bare AdwApplication window')
    for task, files, goal in rows:
        ours, bare = measure_pair('two-hats', [two_hats] + files, bare_cmd, runs, env)
        if goal is not None:
            ratio = ours.time / bare.time
            ours.note = 'goal: at most %g× the bare window (%s)' % (
                goal, 'met' if ratio <= goal else 'not met')
        else:
            ours.note = 'goal: at most 0.5 s (%s)' % ('met' if ours.time <= 0.5 else 'not met')
        print_row(task, 'two-hats', ours)
        print_row('', 'bare AdwApplication', bare, ours)
        sys.stdout.flush()
    shutil.rmtree(xdg, ignore_errors=True)


def bench_chart(args, two_hats, work, runs):
    session = os.path.join(work, 'workshop-1000.twohats')
    points = os.path.join(work, 'points-1000.tsv')
    header('Chart of 1 000 participants, 1600×1200 (whole process: load, score, draw, write)')
    for kind in ('png', 'pdf'):
        out = os.path.join(work, 'out')
        ours = measure('two-hats', [two_hats, '--export-chart=%s/two-hats.%s' % (out, kind),
                                    '--size=1600x1200', session], runs)
        gp = measure('gnuplot', ['gnuplot', '-e', "points='%s'; out='%s/gnuplot.%s'; kind='%s'"
                                 % (points, out, kind, kind),
                                 os.path.join(HERE, 'compare', 'chart.gp')], runs,
                     note='scores computed beforehand')
        mpl = measure('matplotlib', [DEBIAN_PYTHON, os.path.join(HERE, 'compare', 'chart.py'),
                                     session, '%s/matplotlib.%s' % (out, kind)], runs)
        task = 'chart → %s' % kind.upper()
        print_row(task, 'two-hats', ours)
        print_row('', 'gnuplot (cairo terminals)', gp, ours)
        print_row('', 'matplotlib (Agg)', mpl, ours)


def bench_csv(args, two_hats, work, runs):
    session = os.path.join(work, 'workshop-10000.twohats')
    ours_out = os.path.join(work, 'out', 'two-hats.csv')
    py_out = os.path.join(work, 'out', 'python.csv')
    ours = measure('two-hats', [two_hats, '--export-csv=' + ours_out, session], runs)
    py = measure('python', [DEBIAN_PYTHON, os.path.join(HERE, 'compare', 'scores.py'), session,
                            py_out], runs)
    with open(ours_out, 'rb') as a, open(py_out, 'rb') as b:
        same = a.read() == b.read()
    py.note = 'same bytes as two-hats' if same else 'OUTPUT DIFFERS from two-hats'
    size = os.path.getsize(session)
    header('Load + score + CSV of 10 000 participants (%s session)' % fmt_mem(size))
    print_row('load, score, CSV', 'two-hats', ours)
    print_row('', 'python3 json + csv', py, ours)


def start_host(two_hats, session):
    # A room for every phone of the benchmark, whatever the app's setting.
    proc = subprocess.Popen([two_hats, '--host', '--bind=127.0.0.1', '--port=0', '--room-size=2000',
                             session],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    url = code = None
    while url is None or code is None:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError('two-hats --host exited before printing the join URL')
        if line.startswith('join-url: '):
            url = line.split(': ', 1)[1].strip()
        elif line.startswith('join-code: '):
            code = line.split(': ', 1)[1].strip()
    return proc, url, code


def peak_rss(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) * 1024
    return 0


def bench_room(args, two_hats, work, runs):
    tool = os.path.join(args.build, 'bench', 'bench-room')
    template = os.path.join(work, 'room-empty.twohats')
    rows = {}
    rss, seconds = [], []
    for run in range(runs):
        session = os.path.join(work, 'room-run.twohats')
        shutil.copyfile(template, session)
        proc, url, code = start_host(two_hats, session)
        try:
            out = subprocess.run([tool, '--url=' + url, '--code=' + code,
                                  '--participants=%d' % args.room_participants,
                                  '--think-ms=%d' % args.room_think_ms],
                                 check=True, capture_output=True, text=True, timeout=600).stdout
            rss.append(peak_rss(proc.pid))
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        for line in out.splitlines():
            fields = line.split()
            values = dict(f.split('=') for f in fields[1:])
            if fields[0] == 'total':
                seconds.append(float(values['seconds']))
                total = values
            else:
                rows.setdefault(fields[0], []).append(values)
    print()
    print('Room: %d phones, each from its own address, join, sort and rate %s cards one tap at a '
          'time (%d ms apart on average) and poll /api/state every 2 s; medians of %d rooms'
          % (args.room_participants, total['cards'], args.room_think_ms, runs))
    print('%-34s %10s %10s %10s' % ('request (latency)', 'p50', 'p99', 'a room'))
    print('-' * 118)
    for kind in ('join', 'deck', 'answers', 'state'):
        values = rows[kind]
        p50 = statistics.median(float(v['p50_ms']) for v in values)
        p99 = statistics.median(float(v['p99_ms']) for v in values)
        n = statistics.median(int(v['n']) for v in values)
        print('%-34s %7.1f ms %7.1f ms %10d' % (('PUT /api/answers' if kind == 'answers' else
                                                 'POST /api/join' if kind == 'join' else
                                                 'GET /api/' + kind), p50, p99, n))
    print('%-34s %10s %10s   every answer is in the file before its 200; a room lasts %s'
          % ('two-hats --host peak RSS', '', fmt_mem(statistics.median(rss)),
             fmt_time(statistics.median(seconds))))


def bench_room_burst(args, two_hats, runs, light=False):
    """The room engineer's tool (bench/room/bench-room-load.c): the same
    200 phones with no pause at all, then a check that every answer is in
    the session file.  With light, the phones' PUTs go over plain sockets:
    libsoup's client costs this machine about as much CPU per request as
    the room does, where real phones cost the laptop nothing."""
    tool = os.path.join(args.build, 'bench', 'room', 'bench-room-load')
    if not os.path.exists(tool):
        return
    rows, saved, rates = {}, [], []
    for run in range(runs):
        out = subprocess.run([tool, '--participants=%d' % args.room_participants,
                              '--two-hats=' + two_hats] + (['--light'] if light else []),
                             check=True, capture_output=True, text=True, timeout=600).stdout
        for line in out.splitlines():
            fields = line.split()
            if len(fields) == 7 and fields[1].startswith('/api/'):
                rows.setdefault(fields[0] + ' ' + fields[1], []).append(
                    (int(fields[2]), float(fields[3]), float(fields[5])))
            elif line.startswith('Saved: '):
                saved.append(' '.join(fields[1:4]))
            elif 'requests/s' in line:
                rates.append(float(line.split(': ')[1].split()[0]))
    print()
    print('Room, everyone at once (bench/room/bench-room-load%s): the same %d phones with no '
          'pause between taps, %s; medians of %d rooms'
          % (' --light' if light else '', args.room_participants,
             'PUTs from a client that costs next to nothing' if light else
             'every request from libsoup\'s client on the same CPUs', runs))
    print('%-34s %10s %10s %10s' % ('request (latency)', 'p50', 'p99', 'a room'))
    print('-' * 118)
    for kind, values in rows.items():
        print('%-34s %7.1f ms %7.1f ms %10d' % (kind, statistics.median(v[1] for v in values),
                                                statistics.median(v[2] for v in values),
                                                statistics.median(v[0] for v in values)))
    print('%-34s %.0f requests/s; answers in the file: %s'
          % ('throughput', statistics.median(rates), ', '.join(sorted(set(saved)))))
    put = rows.get('PUT /api/answers')
    if put:
        p99 = statistics.median(v[2] for v in put)
        print('%-34s %21.1f ms   target: under 50 ms (%s)'
              % ('PUT /api/answers p99', p99, 'met' if p99 < 50 else 'not met'))


def bench_room_one_address(args, two_hats, runs):
    """A room behind one address (a travel router): the same tool with
    --one-address, 40 phones from 127.0.0.1 that load the page, join,
    sort and rate everything, waiting out any 429 as the page does."""
    tool = os.path.join(args.build, 'bench', 'room', 'bench-room-load')
    if not os.path.exists(tool):
        return
    seconds, waits, saved = [], [], []
    for run in range(runs):
        out = subprocess.run([tool, '--participants=%d' % args.room_one_address,
                              '--one-address', '--two-hats=' + two_hats], check=True,
                             capture_output=True, text=True, timeout=600).stdout
        for line in out.splitlines():
            if line.startswith('The whole room: '):
                fields = line.split()
                seconds.append(float(fields[fields.index('in') + 1]))
                waits.append(int(fields[fields.index('times') - 1].lstrip(',')))
            elif line.startswith('Saved: '):
                saved.append(' '.join(line.split()[1:4]))
    print()
    print('Room behind one address (bench/room/bench-room-load --one-address): %d phones from '
          '127.0.0.1 load the page, join, sort and rate one tap at a time, no pause; medians of '
          '%d rooms' % (args.room_one_address, runs))
    print('%-34s %21s   asked to wait (429) %d times; answers in the file: %s'
          % ('the whole room took', fmt_time(statistics.median(seconds)),
             statistics.median(waits), ', '.join(sorted(set(saved)))))


def bench_room_chart(args, runs):
    """The facilitator's chart while the room answers: the app itself under
    Xvfb, hosting, its Chart view in front, the same phones all at once
    (bench/bench-room-chart.py); how often the chart redrew with new answers."""
    script = os.path.join(HERE, 'bench-room-chart.py')
    template = os.path.join(args.work, 'room-empty.twohats')
    results = []
    for run in range(runs):
        out = subprocess.run([DEBIAN_PYTHON, script, '--build', args.build, '--session', template,
                              '--participants=%d' % args.room_participants],
                             capture_output=True, text=True, timeout=900)
        if out.returncode != 0:
            print('bench-room-chart failed: ' + out.stderr.strip()[-400:], file=sys.stderr)
            continue
        for line in out.stdout.splitlines():
            if line.startswith('room-chart '):
                results.append(dict(f.split('=') for f in line.split()[1:]))
    print()
    if not results:
        print('Room, the chart while answers arrive: FAILED (see the log)')
        return

    def med(key):
        return statistics.median(float(r[key]) for r in results)

    def worst(key):
        return max(float(r[key]) for r in results)

    print('Room, the chart on the facilitator\'s screen (bench/bench-room-chart.py): the app under '
          'Xvfb hosting, Chart view in front, %d phones at once; medians of %d rooms'
          % (args.room_participants, len(results)))
    print('%-34s %10s %10s %10s' % ('', 'median', 'worst', ''))
    print('-' * 118)
    print('%-34s %7.0f ms %7.0f ms   goal: at most 500 ms (%s)' % (
        'longest wait for a chart update', med('max_data_gap_ms'), worst('max_data_gap_ms'),
        'met' if worst('max_data_gap_ms') <= 500 else 'not met'))
    print('%-34s %10.1f %10.1f   frames a second that took in new answers; goal: at least 10 '
          '(%s)' % ('chart updates / s', med('data_fps'),
                    min(float(r['data_fps']) for r in results),
                    'met' if min(float(r['data_fps']) for r in results) >= 10 else 'not met'))
    print('%-34s %7.0f ms %7.0f ms   between two changes of the number of dots' % (
        'longest wait for new dots', med('max_dot_gap_ms'), worst('max_dot_gap_ms')))
    print('%-34s %7.1f ms %7.1f ms   p50, worst frame (update, layout, drawing)' % (
        'chart frame time', med('frame_p50_ms'), worst('frame_max_ms')))
    for kind, key, target in (('PUT /api/answers', 'put', 50), ('POST /api/join', 'join', 80)):
        p99 = med(key + '_p99_ms')
        print('%-34s %7.1f ms %7.1f ms   p50, p99 as the phones saw it; target: p99 under %d ms '
              '(%s)' % (kind, med(key + '_p50_ms'), p99, target,
                        'met' if p99 < target else 'not met'))
    print('%-34s %7.1f s  %10s   dots at the end: %s; failed requests: %s' % (
        'the room took', med('seconds'), '',
        ', '.join(sorted(set(r['final_points'] for r in results))),
        ', '.join(sorted(set(r['errors'] for r in results)))))


def bench_scale(args, two_hats, work, runs):
    base_session = os.path.join(work, 'base.twohats')
    base = measure('base', [two_hats, '--export-csv=' + os.path.join(work, 'out', 'base.csv'),
                            base_session], runs)
    header('Scale: a %d-behaviour deck, %d answers each; the largest file is at the format\'s '
           'limits (64 MiB, 100 000 people, 1 000 cards)' % (args.scale_behaviours,
                                                              args.scale_answers + 2))
    print('%-34s %-26s %10s %11s   %s' % ('', '', '', '', 'time per 1 000 people; memory above '
                                        'the base ÷ file size (limit 4)'))
    env, xdg = window_env(args)
    base_window = measure('base', [two_hats, base_session], runs, env, timeout=120)
    print_row('base: 1 participant, CSV', 'two-hats', base)
    print_row('base: 1 participant, window', 'two-hats', base_window)
    for n in args.scale_sizes:
        session = os.path.join(work, 'scale-%d.twohats' % n)
        size = os.path.getsize(session)
        for task, cmd, task_env, task_base in (
                ('--check', [two_hats, '--check', session], None, base),
                ('CSV', [two_hats, '--export-csv=' + os.path.join(work, 'out', 'scale.csv'),
                         session], None, base),
                ('chart PNG', [two_hats, '--export-chart=' + os.path.join(work, 'out',
                                                                          'scale.png'),
                               session], None, base),
                # The app opening the file, to its first painted frame.
                ('window', [two_hats, session], env, base_window)):
            r = measure('two-hats', cmd, runs, task_env, timeout=1200)
            over = (r.rss - task_base.rss) / size
            # The limit is about big files: a chart's image or a window's
            # widgets cost the same for a file of 1 MiB as of 60.
            if over < 4:
                flag = ''
            elif size >= 16 * MIB:
                flag = '  OVER THE LIMIT'
            else:
                flag = '  (fixed costs; small file)'
            if task == 'window' and n == max(args.scale_sizes):
                flag += '  goal: at most 2× (%s)' % ('met' if over <= 2 else 'not met')
            r.note = '%7.1f ms/1 000   memory %.2f× file%s' % (r.time * 1000 / (n / 1000), over,
                                                               flag)
            print_row('%s, %s people' % (task, format(n, ',').replace(',', ' ')),
                      'two-hats (%s file)' % fmt_mem(size), r)
    shutil.rmtree(xdg, ignore_errors=True)
    bench_phases(args, os.path.join(work, 'scale-%d.twohats' % max(args.scale_sizes)), work)


def bench_phases(args, session, work):
    """Where the time and the memory of the largest session go (bench-load,
    one run; GSlice off so that freed memory shows as freed)."""
    env = dict(os.environ, G_SLICE='always-malloc')
    out = subprocess.run([os.path.join(args.build, 'bench', 'bench-load'), session,
                          os.path.join(work, 'out')], env=env, check=True, capture_output=True,
                         text=True).stdout
    print()
    print('Where it goes for %s (bench-load: each phase once, heap in use after it)'
          % os.path.basename(session))
    for line in out.splitlines():
        if not line.startswith('start'):
            print('    ' + line)


def bench_save(args, work):
    """What one save costs the main thread (bench-save: the median of nine
    of each step), from a workshop to the largest file the format allows."""
    largest = os.path.join(work, 'scale-%d.twohats' % max(args.scale_sizes))
    if not os.path.exists(largest):
        generate(os.path.join(args.build, 'bench', 'bench-gen'), largest, max(args.scale_sizes),
                 behaviours=args.scale_behaviours, answers=args.scale_answers)
    sessions = [os.path.join(work, 'workshop-2000.twohats'),
                os.path.join(work, 'workshop-10000.twohats'), largest]
    out = subprocess.run([os.path.join(args.build, 'bench', 'bench-save')] + sessions, check=True,
                         capture_output=True, text=True).stdout
    print()
    print('A save: what the main thread and the worker spend on the text of the file '
          '(bench-save, median of 9)')
    for line in out.splitlines():
        print('    ' + line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', required=True)
    parser.add_argument('--work', required=True)
    parser.add_argument('--runs', type=int, default=7)
    parser.add_argument('--room-participants', type=int, default=200)
    parser.add_argument('--room-runs', type=int, default=5)
    parser.add_argument('--room-think-ms', type=int, default=300)
    parser.add_argument('--room-one-address', type=int, default=40)
    parser.add_argument('--scale-behaviours', type=int, default=1000)
    parser.add_argument('--scale-answers', type=int, default=8)
    parser.add_argument('--scale-sizes', type=int, nargs='+', default=[1000, 10000, 100000])
    parser.add_argument('--only', nargs='+',
                        default=['startup', 'chart', 'csv', 'room', 'scale', 'save'])
    args = parser.parse_args()
    if args.runs < 5:
        parser.error('--runs: at least 5')

    two_hats = os.path.join(args.build, 'src', 'two-hats')
    gen = os.path.join(args.build, 'bench', 'bench-gen')
    work = args.work
    os.makedirs(os.path.join(work, 'out'), exist_ok=True)

    print('Generating sessions in %s …' % work, flush=True)
    generate(gen, os.path.join(work, 'base.twohats'), 1)
    generate(gen, os.path.join(work, 'room-empty.twohats'), 0)
    generate(gen, os.path.join(work, 'workshop-30.twohats'), 30)
    generate(gen, os.path.join(work, 'workshop-1000.twohats'), 1000,
             points=os.path.join(work, 'points-1000.tsv'))
    generate(gen, os.path.join(work, 'workshop-10000.twohats'), 10000)
    if 'save' in args.only:
        generate(gen, os.path.join(work, 'workshop-2000.twohats'), 2000)
    if 'scale' in args.only or 'startup' in args.only:
        for n in args.scale_sizes if 'scale' in args.only else [1000]:
            generate(gen, os.path.join(work, 'scale-%d.twohats' % n), n,
                     behaviours=args.scale_behaviours, answers=args.scale_answers)

    print('Two Hats benchmarks: release build %s, median of %d runs a row after one warm-up'
          % (args.build, args.runs))
    print('Machine: %s, %d CPUs; %s; gnuplot %s; matplotlib %s'
          % (cpu_model(), os.cpu_count(), tool_version([DEBIAN_PYTHON, '--version']),
             tool_version(['gnuplot', '--version']).replace('gnuplot ', ''),
             tool_version([DEBIAN_PYTHON, '-c', 'import matplotlib; print(matplotlib.__version__)'])))
    sys.stdout.flush()
    if 'startup' in args.only:
        bench_startup(args, two_hats, work, args.runs)
    if 'chart' in args.only:
        bench_chart(args, two_hats, work, args.runs)
    if 'csv' in args.only:
        bench_csv(args, two_hats, work, args.runs)
    if 'room' in args.only:
        bench_room(args, two_hats, work, args.room_runs)
        bench_room_burst(args, two_hats, args.room_runs)
        bench_room_burst(args, two_hats, args.room_runs, light=True)
        bench_room_one_address(args, two_hats, args.room_runs)
        bench_room_chart(args, args.room_runs)
    if 'scale' in args.only:
        bench_scale(args, two_hats, work, args.runs)
    if 'save' in args.only:
        bench_save(args, work)
    sys.stdout.flush()


if __name__ == '__main__':
    main()
