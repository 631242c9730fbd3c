# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The mutations tests/mutants/run applies, one at a time.  Each is a bug a
# user would notice; `find` must occur exactly once in `file`.  `tests`
# names what should catch it: a test name, `suite:NAME`, and `ui:` before
# either for the tests that run under Xvfb.

MUTANTS = [
    {
        'name': 'threshold-strict',
        'what': 'a score exactly on the threshold counts as below it',
        'file': 'src/core/th-scores.c',
        'find': 'gboolean high_leadership = leadership >= threshold;',
        'replace': 'gboolean high_leadership = leadership > threshold;',
        'tests': ['suite:chart', 'ui:test-chart'],
    },
    {
        'name': 'digit-grouping',
        'what': 'counts lose their thousands separators ("100000 participants")',
        'file': 'src/chart/th-quadrant-chart-layout.c',
        'find': 'g_dngettext (GETTEXT_PACKAGE, "%\'u participant", "%\'u participants", n), n);',
        'replace': 'g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);',
        'tests': ['test-chart-session'],
    },
    {
        'name': 'bindtextdomain',
        'what': 'the app no longer finds its translations',
        'file': 'src/main.c',
        'find': 'bindtextdomain (GETTEXT_PACKAGE, localedir);',
        'replace': '/* no translations */',
        'tests': ['test-cli', 'test-room-page'],
    },
    {
        'name': 'lock-one-way',
        'what': 'the Lock switch locks the room but cannot unlock it',
        'file': 'src/ui/th-host-page.c',
        'find': 'g_object_bind_property (self->server, "locked", self->lock_switch, "active",\n'
                '                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);',
        'replace': 'g_object_bind_property (self->server, "locked", self->lock_switch, "active",\n'
                   '                          G_BINDING_SYNC_CREATE);',
        'tests': ['ui:test-room-host-page'],
    },
    {
        'name': 'ctrl-o',
        'what': 'Ctrl+O no longer opens a file',
        'file': 'src/ui/th-window-actions.c',
        'find': 'gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, '
                '"win.open", NULL);',
        'replace': '',
        'tests': ['ui:test-shortcuts'],
    },
    {
        'name': 'csv-quoting',
        'what': 'a name with a comma is not quoted in the CSV',
        'file': 'src/core/th-csv.c',
        'find': 'if (strpbrk (field, ",\\"\\r\\n") == NULL)',
        'replace': 'if (strpbrk (field, "\\"\\r\\n") == NULL)',
        'tests': ['test-csv', 'suite:cli'],
    },
    {
        'name': 'csv-formula-at',
        'what': 'a name starting with @ goes into the CSV as a formula a spreadsheet runs',
        'file': 'src/core/th-csv.c',
        'find': "      case '@':\n",
        'replace': '',
        'tests': ['test-csv'],
    },
    {
        'name': 'lock-lost-on-save',
        'what': 'after its first save a workshop can be opened, and written, by a second window',
        'file': 'src/core/th-file-util.c',
        'find': 'if (new_lock_fd != NULL && !lock_fd (fd))',
        'replace': 'if (new_lock_fd != NULL && FALSE)',
        'tests': ['test-file-util', 'test-document'],
    },
    {
        'name': 'export-onto-input',
        'what': 'an export whose output is its own session replaces the session',
        'file': 'src/cli/th-cli.c',
        'find': 'if (strcmp (out_path, "-") != 0 && !check_output (out_path, files[0]))',
        'replace': 'if (FALSE)',
        'tests': ['test-cli'],
    },
    {
        'name': 'rating-range-room',
        'what': "a phone can send a rating of 6 (the room skips core's check)",
        'file': 'src/room/th-room-request.c',
        'find': 'if (!th_session_check_rating (rating, &value_path, error))',
        'replace': 'if (rating != 6 && !th_session_check_rating (rating, &value_path, error))',
        'tests': ['test-room-units', 'test-room-server'],
    },
    {
        'name': 'rating-range-file',
        'what': 'a session file with a rating of 6 loads (both readers share this check)',
        'file': 'src/core/th-session-checks.c',
        'find': 'if (rating >= 1 && rating <= 5)',
        'replace': 'if (rating >= 1 && rating <= 6)',
        'tests': ['suite:core'],
    },
    {
        'name': 'atomic-rename',
        'what': 'saving writes the file in place, not a temporary file renamed over it',
        'file': 'src/core/th-file-util.c',
        'find': 'tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);\n'
                '  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);',
        'replace': 'tmp_path = g_strdup (real_path);\n'
                   '  fd = g_open (tmp_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);',
        'tests': ['test-file-util', 'test-document'],
    },
    {
        'name': 'anonymous-csv',
        'what': '--export-csv --anonymous writes the names',
        'file': 'src/cli/th-cli.c',
        'find': 'csv = th_session_to_csv (session, anonymous);',
        'replace': 'csv = th_session_to_csv (session, FALSE);',
        'tests': ['suite:cli', 'test-chart-cli'],
    },
    {
        'name': 'anonymous-chart',
        'what': '--export-chart --anonymous draws the names',
        'file': 'src/cli/th-cli.c',
        'find': 'th_quadrant_chart_set_anonymous (chart, anonymous);',
        'replace': 'th_quadrant_chart_set_anonymous (chart, FALSE);',
        'tests': ['suite:cli', 'test-chart-cli'],
    },
    {
        'name': 'anonymous-handouts',
        'what': '--export-handouts --anonymous prints the names',
        'file': 'src/cli/th-cli.c',
        'find': 'th_handouts_set_anonymous (handouts, TRUE);',
        'replace': 'th_handouts_set_anonymous (handouts, FALSE);',
        'tests': ['suite:cli', 'suite:chart'],
    },
    {
        'name': 'sort-after-reveal',
        'what': 'a phone can change its sorting after the key has been shown',
        'file': 'src/room/th-room-handlers.c',
        'find': '  if (th_session_get_phase (self->session) != TH_PHASE_SORT\n'
                '      && !th_room_answers_check_sort_unchanged (',
        'replace': '  if (FALSE\n'
                   '      && !th_room_answers_check_sort_unchanged (',
        'tests': ['test-room-server'],
    },
    {
        'name': 'key-before-reveal',
        'what': "GET /api/deck gives away the key and why before the reveal",
        'file': 'src/room/th-room-handlers.c',
        'find': '      if (revealed)\n        {\n          json_builder_set_member_name (builder, "key");',
        'replace': '      if (TRUE)\n        {\n          json_builder_set_member_name (builder, "key");',
        'tests': ['test-room-server'],
    },
    {
        'name': 'token-any',
        'what': 'any well-formed bearer token acts as the first participant',
        'file': 'src/room/th-room-server-object.c',
        'find': '  guest = g_hash_table_lookup (self->guests_by_digest, key);\n'
                '  if (guest == NULL)\n'
                '    return NULL;\n',
        'replace': '  guest = g_hash_table_lookup (self->guests_by_digest, key);\n'
                   '  if (guest == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->guests)) > 0)\n'
                   '    {\n'
                   '      guest = g_list_model_get_item (G_LIST_MODEL (self->guests), 0);\n'
                   '      g_object_unref (guest);\n'
                   '      return guest;\n'
                   '    }\n'
                   '  if (guest == NULL)\n'
                   '    return NULL;\n',
        'tests': ['test-room-server'],
    },
    {
        'name': 'token-missing',
        'what': 'a request without Authorization acts as the first participant',
        'file': 'src/room/th-room-server.c',
        'find': '  return token != NULL ? _th_room_server_lookup_token (self, token) : NULL;\n',
        'replace': '  if (token == NULL)\n'
                   '    {\n'
                   '      if (g_list_model_get_n_items (G_LIST_MODEL (self->guests)) == 0)\n'
                   '        return NULL;\n'
                   '      ThRoomGuest *first = g_list_model_get_item (G_LIST_MODEL (self->guests), 0);\n'
                   '      g_object_unref (first);\n'
                   '      return first;\n'
                   '    }\n'
                   '  return _th_room_server_lookup_token (self, token);\n',
        'tests': ['test-room-server'],
    },
]
