#!/usr/bin/python3
# room-screen.py
#
# Copyright 2026 The Two Hats authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads and operates the Two Hats window through the accessibility bus
# (AT-SPI), the way a screen reader or a switch device does: find a control
# by its role and name among what is showing, press it, read a label or a
# description.  test-room-play.mjs runs it and talks to it in JSON lines on
# stdin and stdout:
#
#   {"cmd": "wait-app", "title": "…"}          → {"ok": true}
#   {"cmd": "click", "role": "page tab", "name": "Workshop"}
#   {"cmd": "find", "role": "image", "name": "Quadrant chart"}
#                                              → {"ok": true, "name", "description"}
#   {"cmd": "labels"}                          → {"ok": true, "labels": […]}
#
# Needs Debian's /usr/bin/python3 with gir1.2-atspi-2.0 (tools/deps --tests).
# Exits 77 when that is missing.

import json
import sys
import time

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    print(json.dumps({'ok': False, 'missing': str(e)}), flush=True)
    sys.exit(77)

APP_NAME = 'two-hats'

# A call to the app gives up after 10 s (a sanitizer build is slow, a hung
# app must still end in an error, not a wait without end).
Atspi.set_timeout(10000, 30000)


def app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_name() == APP_NAME:
            return child
    return None


def showing(accessible):
    # GTK 4.8 marks every widget with its visible property VISIBLE and
    # nothing SHOWING; what is off screen (another page of a stack, the
    # folded switcher) has no size.
    # A GtkStackPage is no widget and has no size of its own: its child
    # tells whether it is the visible page.
    if accessible.get_role() in (Atspi.Role.APPLICATION, Atspi.Role.FRAME) \
            or accessible.get_name() == 'GtkStackPage':
        return True
    extents = accessible.get_extents(Atspi.CoordType.WINDOW)
    return extents.width > 0 and extents.height > 0


def walk(accessible, visit):
    """Depth first over what is showing; visit returns True to stop."""
    try:
        if not showing(accessible):
            return False
        if visit(accessible):
            return True
        for i in range(accessible.get_child_count()):
            child = accessible.get_child_at_index(i)
            if child is not None and walk(child, visit):
                return True
    except gi.repository.GLib.Error:
        # The widget went away while we looked: it is not showing.
        return False
    return False


def find(role, name, frame_title=None):
    root = app()
    if root is None:
        return None
    found = []

    def visit(a):
        if a.get_role_name() == role and a.get_name() == name:
            found.append(a)
            return True
        return False

    walk(root, visit)
    return found[0] if found else None


def do_click(a):
    action = a.get_action_iface()
    for i in range(action.get_n_actions()):
        if action.get_action_name(i) == 'click':
            return action.do_action(i)
    return False


def labels():
    root = app()
    texts = []

    def visit(a):
        if a.get_role() == Atspi.Role.LABEL:
            texts.append(a.get_name())
        return False

    if root is not None:
        walk(root, visit)
    return texts


def wait_app(title, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        root = app()
        if root is not None:
            for i in range(root.get_child_count()):
                frame = root.get_child_at_index(i)
                if frame is not None and frame.get_name() == title:
                    return True
        time.sleep(0.1)
    return False


def handle(request):
    cmd = request.get('cmd')
    if cmd == 'wait-app':
        if wait_app(request['title'], request.get('timeout', 30)):
            return {'ok': True}
        return {'ok': False, 'error': 'no window titled %r on the accessibility bus' % request['title']}
    if cmd in ('click', 'find'):
        a = find(request['role'], request['name'])
        if a is None:
            return {'ok': False, 'error': 'no %s named %r is showing' % (request['role'], request['name'])}
        if cmd == 'click':
            return {'ok': bool(do_click(a))}
        return {'ok': True, 'name': a.get_name(), 'description': a.get_description()}
    if cmd == 'labels':
        return {'ok': True, 'labels': labels()}
    if cmd == 'dump':
        seen = []
        root = app()
        if root is not None:
            walk(root, lambda a: seen.append('%s %r' % (a.get_role_name(), a.get_name())) and False)
        return {'ok': True, 'showing': seen}
    return {'ok': False, 'error': 'unknown command %r' % cmd}


def main():
    import warnings
    warnings.simplefilter('ignore', DeprecationWarning)
    print(json.dumps({'ok': True, 'ready': True}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            answer = handle(json.loads(line))
        except Exception as e:  # report, keep serving
            answer = {'ok': False, 'error': '%s: %s' % (type(e).__name__, e)}
        print(json.dumps(answer), flush=True)


if __name__ == '__main__':
    main()
