#!/usr/bin/python3
# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The live chart under a room's load: the real app (`two-hats SESSION`)
# under Xvfb hosts the session, started as a person does (F10, Host This
# Workshop, Alt+S), with its Chart view in front; the join URL and code are
# read off the screen (zbarimg).  Then bench-room's phones (each from its
# own loopback address) all join, sort and rate every card at once, and we
# watch the chart redraw.
#
# The app runs unchanged.  TH_CHART_TIMINGS=1 only makes the chart widget
# log one line per frame it draws ("two-hats chart: N points, …: update U
# ms, …"), where U > 0 says that frame took in new answers; the lines are
# timestamped here as they arrive.  Reported for the time the phones are
# at it:
#   - frames drawn with new answers per second, and the longest gap
#     between two of them (and from the first answer to the first of them);
#   - how often the number of dots on the chart changed, and the longest
#     gap between two changes while dots were still coming;
#   - the latency of PUT /api/answers and of POST /api/join as the phones
#     saw it (p50, p99).
#
# Run by bench/bench.py (bench/run --only room), inside xvfb-run and
# dbus-run-session; it prints one line "room-chart key=value …" per run.
#
#   bench-room-chart.py --build BUILD --session EMPTY.twohats [--participants 200]

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import warnings

import gi
warnings.simplefilter('ignore', DeprecationWarning)
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

TITLE_WAIT_S = 30
FRAME_RE = re.compile(r'^two-hats chart: (\d+) points, (\d+)×(\d+) px: update ([0-9.]+) ms, '
                      r'snapshot ([0-9.]+) ms, frame ([0-9.]+) ms')


def fail(message):
    print('bench-room-chart: ' + message, file=sys.stderr, flush=True)
    sys.exit(1)


def xdotool(*args):
    return subprocess.run(['xdotool'] + list(args), capture_output=True, text=True).stdout.strip()


def find_window(title, deadline):
    while time.monotonic() < deadline:
        ids = xdotool('search', '--onlyvisible', '--name', '^%s$' % re.escape(title)).split()
        if ids:
            return ids[0]
        time.sleep(0.1)
    fail('the window titled %r never showed' % title)


def key(title, *keys):
    window = find_window(title, time.monotonic() + 10)
    subprocess.run(['xdotool', 'windowfocus', '--sync', window], check=True)
    subprocess.run(['xdotool', 'key', '--clearmodifiers'] + list(keys), check=True)


def accessible_app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_name() == 'two-hats':
            return child
    return None


def find_showing(accessible, role, name):
    """The first control of @role and @name that has a size on screen."""
    if accessible.get_role_name() == role and accessible.get_name() == name:
        extents = accessible.get_extents(Atspi.CoordType.WINDOW)
        if extents.width > 0 and extents.height > 0:
            return accessible
    for i in range(accessible.get_child_count()):
        child = accessible.get_child_at_index(i)
        if child is not None:
            found = find_showing(child, role, name)
            if found is not None:
                return found
    return None


def wait_for(role, name, deadline):
    while time.monotonic() < deadline:
        app = accessible_app()
        found = find_showing(app, role, name) if app is not None else None
        if found is not None:
            return found
        time.sleep(0.2)
    fail('no %s named %r showed' % (role, name))


def click(role, name, deadline):
    action = wait_for(role, name, deadline).get_action_iface()
    for i in range(action.get_n_actions()):
        if action.get_action_name(i) == 'click':
            action.do_action(i)
            return
    fail('the %s named %r cannot be pressed' % (role, name))


class FrameLog:
    """The chart's frame lines, timestamped as they come."""

    def __init__(self, stream):
        self.frames = []  # (t, points, update_ms, frame_ms)
        self.other = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.read, args=(stream,), daemon=True)
        self.thread.start()

    def read(self, stream):
        for line in stream:
            t = time.monotonic()
            m = FRAME_RE.match(line)
            with self.lock:
                if m:
                    self.frames.append((t, int(m.group(1)), float(m.group(4)),
                                        float(m.group(6))))
                else:
                    self.other.append(line.rstrip())

    def snapshot(self):
        with self.lock:
            return list(self.frames)


def percentile(values, p):
    values = sorted(values)
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(p / 100.0 * len(values)))]


def run(args):
    two_hats = os.path.join(args.build, 'src', 'two-hats')
    phones = os.path.join(args.build, 'bench', 'bench-room')
    work = tempfile.mkdtemp(prefix='two-hats-room-chart-')
    session = os.path.join(work, 'room.twohats')
    shutil.copyfile(args.session, session)
    title = args.title

    # The room takes as many phones as come, as a facilitator expecting
    # them would set it in Preferences (the default size is 100).
    settings = os.path.join(work, 'config', 'glib-2.0', 'settings')
    os.makedirs(settings)
    with open(os.path.join(settings, 'keyfile'), 'w') as keyfile:
        keyfile.write('[io/github/twohats/TwoHats]\nroom-size=%d\n' % args.participants)

    env = dict(os.environ)
    for name in ('GTK_A11Y', 'NO_AT_BRIDGE'):
        env.pop(name, None)
    env.update({
        'TH_CHART_TIMINGS': '1',
        'GSETTINGS_BACKEND': 'keyfile',
        'GSETTINGS_SCHEMA_DIR': os.path.join(args.build, 'data'),
        'XDG_DATA_HOME': os.path.join(work, 'data'),
        'XDG_CONFIG_HOME': os.path.join(work, 'config'),
        'XDG_CACHE_HOME': os.path.join(work, 'cache'),
        'GDK_BACKEND': 'x11',
        'GDK_DEBUG': 'gl-disable',
        'GIO_USE_PROXY_RESOLVER': 'dummy',
    })
    app = subprocess.Popen([two_hats, session], env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = FrameLog(app.stderr)
    try:
        deadline = time.monotonic() + TITLE_WAIT_S
        find_window(title, deadline)
        # Hosting as a person starts it: the primary menu, Host This
        # Workshop, Start Hosting.
        wait_for('page tab', 'Workshop', deadline)
        key(title, 'F10')
        wait_for('menu item', 'Host This Workshop…', deadline)
        key(title, 'h', 'Return')
        wait_for('push button', '_Start Hosting Start Hosting', deadline)
        key(title, 'alt+s')
        url = code = None
        shot = os.path.join(work, 'screen.png')
        while time.monotonic() < deadline and url is None:
            subprocess.run(['import', '-window', 'root', shot], check=True)
            scanned = subprocess.run(['zbarimg', '-q', '--raw', shot], capture_output=True,
                                     text=True).stdout.strip()
            m = re.match(r'^(http://[0-9.]+:\d+/)#([A-Z0-9]{6})$', scanned)
            if m:
                url, code = m.group(1), m.group(2)
            else:
                time.sleep(0.2)
        if url is None:
            fail('no join QR code on the screen')

        # The chart in front, drawn at least once before the phones come.
        click('page tab', 'Chart', deadline)
        while time.monotonic() < deadline and not log.snapshot():
            time.sleep(0.05)
        if not log.snapshot():
            fail('the chart never drew (TH_CHART_TIMINGS lines missing)')
        time.sleep(1)

        start = time.monotonic()
        out = subprocess.run([phones, '--url=' + url, '--code=' + code,
                              '--participants=%d' % args.participants,
                              '--think-ms=%d' % args.think_ms],
                             capture_output=True, text=True, timeout=600)
        end = time.monotonic()
        if out.returncode != 0:
            fail('bench-room failed: ' + out.stderr.strip()[-500:])
        # The last answers reach the chart with its next frame.
        time.sleep(1)
        frames = log.snapshot()
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        shutil.rmtree(work, ignore_errors=True)

    latencies = {}
    for line in out.stdout.splitlines():
        fields = line.split()
        if fields and fields[0] in ('join', 'deck', 'answers', 'state', 'total'):
            latencies[fields[0]] = dict(f.split('=') for f in fields[1:])

    during = [f for f in frames if start <= f[0] <= end]
    data = [f for f in during if f[2] > 0]
    final_points = frames[-1][1] if frames else 0
    # The longest wait for the chart to show new answers, counted from the
    # phones' start (the first answers come within milliseconds).
    times = [start] + [f[0] for f in data] + [end]
    gaps = [(b - a, a - start) for a, b in zip(times, times[1:])]
    max_data_gap, max_data_gap_at = max(gaps)
    # Changes of the number of dots, while dots were still coming.
    changes = []
    previous = None
    for f in frames:
        if previous is not None and f[1] != previous:
            changes.append(f[0])
        previous = f[1]
    changes_during = [t for t in changes if start <= t <= end + 1]
    max_points_gap = max((b - a for a, b in zip(changes_during, changes_during[1:])), default=0)
    seconds = end - start
    print('room-chart participants=%d seconds=%.2f frames=%d fps=%.1f data_frames=%d '
          'data_fps=%.1f max_data_gap_ms=%.0f dot_changes=%d max_dot_gap_ms=%.0f '
          'final_points=%d frame_p50_ms=%.1f frame_max_ms=%.1f put_p50_ms=%s put_p99_ms=%s '
          'put_n=%s join_p50_ms=%s join_p99_ms=%s join_n=%s errors=%s max_data_gap_at_s=%.1f'
          % (args.participants, seconds, len(during), len(during) / seconds, len(data),
             len(data) / seconds, max_data_gap * 1000, len(changes_during), max_points_gap * 1000,
             final_points, percentile([f[3] for f in during], 50),
             max((f[3] for f in during), default=0), latencies['answers']['p50_ms'],
             latencies['answers']['p99_ms'], latencies['answers']['n'],
             latencies['join']['p50_ms'], latencies['join']['p99_ms'], latencies['join']['n'],
             latencies['total']['errors'], max_data_gap_at), flush=True)
    if args.verbose:
        # Second by second: frames with new answers, and dots on the chart.
        for second in range(int(seconds) + 2):
            inside = [f for f in frames if start + second <= f[0] < start + second + 1]
            print('  %3d s: %2d frames, %2d with new answers, %3d dots, slowest frame %.0f ms'
                  % (second, len(inside), len([f for f in inside if f[2] > 0]),
                     inside[-1][1] if inside else -1, max((f[3] for f in inside), default=0)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', required=True)
    parser.add_argument('--session', required=True, help='an empty session to copy')
    parser.add_argument('--title', default=None, help='its title (the window title)')
    parser.add_argument('--participants', type=int, default=200)
    parser.add_argument('--think-ms', type=int, default=0)
    parser.add_argument('--verbose', action='store_true', help='a line per second as well')
    args = parser.parse_args()
    if args.title is None:
        import json
        with open(args.session) as f:
            args.title = json.load(f).get('title') or 'Untitled Workshop'
    if not os.environ.get('DISPLAY'):
        fail('no display: run it inside xvfb-run and dbus-run-session (bench/run does)')
    run(args)


if __name__ == '__main__':
    main()
