/* test-document.c: autosave, recovery copies and failing saves
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "th-document.h"
#include "th-error.h"
#include "th-save-queue.h"
#include "th-test-save-gate.h"
#include "th-test-utils.h"

typedef struct
{
  char *dir;
  GFile *file;
  ThDeck *deck;
  const char *first; /* behaviour ids of the built-in deck */
  const char *second;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (GFile) folder = NULL;

  f->dir = g_dir_make_tmp ("test-document-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "workshop", "offsite.twohats", NULL);
  folder = g_file_get_parent (f->file);
  g_assert_cmpint (g_mkdir (g_file_peek_path (folder), 0700), ==, 0);

  f->deck = th_deck_new_builtin ();
  f->first = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  f->second = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 1));

  session = th_session_new (f->deck);
  th_session_set_title (session, "Offsite");
  g_assert_nonnull (th_session_add_participant (session, "Ana", &error));
  g_assert_no_error (error);
  g_assert_true (th_session_save_to_file (session, f->file, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->file);
  g_clear_object (&f->deck);
}

static ThSession *
reload (GFile *file)
{
  g_autoptr (GError) error = NULL;
  ThSession *session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

/* Autosave writes at the end of the main loop iteration, off the main
 * thread: spin until the document's queue has nothing left to do. */
static void
wait_for_saves (ThDocument *document)
{
  GFile *file = th_document_get_file (document);
  g_autoptr (ThSaveQueue) queue
    = th_save_queue_get (th_document_get_session (document),
                         file != NULL ? file : th_document_get_recovery_file (document));

  while (th_save_queue_get_busy (queue))
    g_main_context_iteration (NULL, TRUE);
}

static ThSide
sort_of (ThSession *session, const char *behaviour_id)
{
  ThSide side = TH_SIDE_BOTH;

  th_participant_get_sort (th_session_get_participant (session, 0), behaviour_id, &side);
  return side;
}

static char *
read_text (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static void
test_autosave_after_every_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) document = th_document_open (f->file, &error);
  g_autoptr (ThSession) again = NULL;
  g_autoptr (ThSession) third = NULL;
  ThSession *session;

  g_assert_no_error (error);
  session = th_document_get_session (document);
  g_assert_true (th_document_get_saved (document));
  g_assert_true (g_file_equal (th_document_get_file (document), f->file));

  g_assert_true (th_session_set_sort (session, "p1", f->first, TH_SIDE_LEADERSHIP, &error));
  wait_for_saves (document);
  g_assert_true (th_document_get_saved (document));
  again = reload (f->file);
  g_assert_cmpint (sort_of (again, f->first), ==, TH_SIDE_LEADERSHIP);

  g_assert_true (th_session_set_rating (session, "p1", f->second, 5, &error));
  wait_for_saves (document);
  third = reload (f->file);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (third, 0), f->second), ==,
                   5);
  g_assert_true (th_document_get_saved (document));
  g_assert_null (th_document_get_save_error (document));

  /* A named document leaves nothing behind in the recovery folder. */
  g_assert_false (g_file_query_exists (th_document_get_recovery_file (document), NULL));
}

static gboolean
recovery_list_contains (GFile *file)
{
  g_autoptr (GPtrArray) list = th_document_list_recovery ();

  for (guint i = 0; i < list->len; i++)
    if (g_file_equal (list->pdata[i], file))
      return TRUE;
  return FALSE;
}

static void
test_untitled_goes_to_recovery (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = th_session_new (f->deck);
  g_autoptr (ThDocument) document = th_document_new (session, NULL);
  g_autoptr (ThDocument) reopened = NULL;
  g_autoptr (ThSession) on_disk = NULL;
  g_autoptr (GFile) dir = th_document_get_recovery_dir ();
  g_autoptr (GFile) kept = NULL;
  GFile *recovery;

  g_assert_null (th_document_get_file (document));
  recovery = th_document_get_recovery_file (document);
  g_assert_true (g_file_has_parent (recovery, dir));

  /* Nothing is written for a session nobody has touched. */
  g_assert_false (g_file_query_exists (recovery, NULL));
  g_assert_false (recovery_list_contains (recovery));

  g_assert_nonnull (th_session_add_participant (session, "Ben", &error));
  g_assert_true (th_session_set_sort (session, "p1", f->first, TH_SIDE_MANAGEMENT, &error));
  wait_for_saves (document);
  g_assert_true (g_file_query_exists (recovery, NULL));
  g_assert_true (recovery_list_contains (recovery));
  g_assert_true (th_document_get_saved (document));

  /* While the document is open, its copy is its own (one writer per
   * file)… */
  reopened = th_document_open_recovery (recovery, &error);
  g_assert_null (reopened);
  g_assert_error (error, TH_ERROR, TH_ERROR_LOCKED);
  g_clear_error (&error);

  /* …and the next start offers it, and it goes on saving to the same
   * copy. */
  recovery = kept = g_object_ref (recovery);
  g_clear_object (&document);
  reopened = th_document_open_recovery (recovery, &error);
  g_assert_no_error (error);
  g_assert_null (th_document_get_file (reopened));
  g_assert_true (g_file_equal (th_document_get_recovery_file (reopened), recovery));
  g_assert_cmpint (sort_of (th_document_get_session (reopened), f->first), ==, TH_SIDE_MANAGEMENT);
  g_assert_true (
    th_session_set_rating (th_document_get_session (reopened), "p1", f->second, 2, &error));
  wait_for_saves (reopened);
  on_disk = reload (recovery);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (on_disk, 0), f->second),
                   ==, 2);
  {
    g_autofree char *name = th_document_dup_display_name (reopened);

    g_assert_cmpstr (name, ==, "Untitled Workshop");
  }

  g_assert_true (th_document_delete_recovery (recovery, &error));
  g_assert_no_error (error);
  g_assert_false (recovery_list_contains (recovery));
}

static void
test_save_as_removes_recovery (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = th_session_new (f->deck);
  g_autoptr (ThDocument) document = th_document_new (session, NULL);
  g_autoptr (GFile) target = g_file_new_build_filename (f->dir, "named.twohats", NULL);
  g_autoptr (ThSession) on_disk = NULL;
  g_autoptr (ThSession) later = NULL;
  GFile *recovery = th_document_get_recovery_file (document);

  g_assert_nonnull (th_session_add_participant (session, "Chen", &error));
  g_assert_true (th_session_set_sort (session, "p1", f->first, TH_SIDE_LEADERSHIP, &error));
  wait_for_saves (document);
  g_assert_true (g_file_query_exists (recovery, NULL));

  g_assert_true (th_document_save_as (document, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (th_document_get_file (document), target));
  g_assert_false (g_file_query_exists (recovery, NULL));
  g_assert_false (recovery_list_contains (recovery));
  on_disk = reload (target);
  g_assert_cmpint (sort_of (on_disk, f->first), ==, TH_SIDE_LEADERSHIP);

  /* From now on changes go to the named file. */
  g_assert_true (th_session_set_sort (session, "p1", f->second, TH_SIDE_MANAGEMENT, &error));
  wait_for_saves (document);
  later = reload (target);
  g_assert_cmpint (sort_of (later, f->second), ==, TH_SIDE_MANAGEMENT);
  g_assert_false (g_file_query_exists (recovery, NULL));
}

static void
test_save_as_failure_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = th_session_new (f->deck);
  g_autoptr (ThDocument) document = th_document_new (session, NULL);
  g_autoptr (GFile) target
    = g_file_new_build_filename (f->dir, "missing-folder", "x.twohats", NULL);

  g_assert_nonnull (th_session_add_participant (session, "Dee", &error));
  wait_for_saves (document);
  g_assert_false (th_document_save_as (document, target, &error));
  g_assert_nonnull (error);
  g_assert_null (th_document_get_file (document));
  g_assert_true (g_file_query_exists (th_document_get_recovery_file (document), NULL));
}

static void
save_failed_cb (ThDocument *document, const GError *error, GError **out)
{
  g_assert_nonnull (error);
  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
test_failing_save_keeps_answers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) reported = NULL;
  g_autoptr (ThDocument) document = th_document_open (f->file, &error);
  g_autoptr (GFile) folder = g_file_get_parent (f->file);
  g_autofree char *moved_folder = g_strconcat (g_file_peek_path (folder), ".moved", NULL);
  g_autoptr (GFile) moved_file = g_file_new_build_filename (moved_folder, "offsite.twohats", NULL);
  g_autofree char *before = read_text (f->file);
  g_autofree char *after = NULL;
  g_autoptr (ThSession) recovered = NULL;
  g_autoptr (ThSession) saved = NULL;
  ThSession *session;
  GFile *recovery;

  g_assert_no_error (error);
  session = th_document_get_session (document);
  recovery = th_document_get_recovery_file (document);
  g_signal_connect (document, "save-failed", G_CALLBACK (save_failed_cb), &reported);

  /* The folder goes away and a plain file takes its name: the tests run
   * as root, where a read-only folder would not stop a write. */
  g_assert_cmpint (g_rename (g_file_peek_path (folder), moved_folder), ==, 0);
  g_assert_true (g_file_set_contents (g_file_peek_path (folder), "not a folder", -1, NULL));

  g_assert_true (th_session_set_sort (session, "p1", f->first, TH_SIDE_LEADERSHIP, &error));
  wait_for_saves (document);
  g_assert_nonnull (reported);
  g_assert_false (th_document_get_saved (document));
  g_assert_nonnull (th_document_get_save_error (document));

  /* The answer is in memory and in the recovery copy… */
  g_assert_cmpint (sort_of (session, f->first), ==, TH_SIDE_LEADERSHIP);
  g_assert_true (recovery_list_contains (recovery));
  recovered = reload (recovery);
  g_assert_cmpint (sort_of (recovered, f->first), ==, TH_SIDE_LEADERSHIP);

  /* …and the old file is as it was, byte for byte. */
  after = read_text (moved_file);
  g_assert_cmpstr (before, ==, after);

  /* The next change tries the file again; once it is written, the
   * recovery copy has done its job. */
  g_clear_error (&reported);
  g_assert_cmpint (g_unlink (g_file_peek_path (folder)), ==, 0);
  g_assert_cmpint (g_rename (moved_folder, g_file_peek_path (folder)), ==, 0);
  g_assert_true (th_session_set_rating (session, "p1", f->second, 3, &error));
  wait_for_saves (document);
  g_assert_null (reported);
  g_assert_true (th_document_get_saved (document));
  g_assert_null (th_document_get_save_error (document));
  saved = reload (f->file);
  g_assert_cmpint (sort_of (saved, f->first), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (saved, 0), f->second), ==,
                   3);
  g_assert_false (g_file_query_exists (recovery, NULL));
}

static void
test_failing_untitled_save (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) reported = NULL;
  g_autoptr (ThSession) session = th_session_new (f->deck);
  g_autoptr (ThDocument) document = th_document_new (session, NULL);
  g_autoptr (GFile) recovery_dir = th_document_get_recovery_dir ();
  g_autoptr (GFile) two_hats = g_file_get_parent (recovery_dir);
  g_autofree char *aside = g_strconcat (g_file_peek_path (two_hats), ".aside", NULL);
  gboolean existed = g_file_query_exists (two_hats, NULL);

  g_signal_connect (document, "save-failed", G_CALLBACK (save_failed_cb), &reported);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  /* Nowhere to write the recovery copy: the change stays in memory. */
  if (existed)
    g_assert_cmpint (g_rename (g_file_peek_path (two_hats), aside), ==, 0);
  g_assert_true (g_file_set_contents (g_file_peek_path (two_hats), "in the way", -1, NULL));

  g_assert_nonnull (th_session_add_participant (session, "Eli", &error));
  wait_for_saves (document);
  g_assert_nonnull (reported);
  g_assert_false (th_document_get_saved (document));
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 1);

  g_assert_cmpint (g_unlink (g_file_peek_path (two_hats)), ==, 0);
  if (existed)
    g_assert_cmpint (g_rename (aside, g_file_peek_path (two_hats)), ==, 0);

  /* Ctrl+S, or the next change, writes it after all. */
  g_assert_true (th_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_true (th_document_get_saved (document));
  g_assert_true (g_file_query_exists (th_document_get_recovery_file (document), NULL));
  g_assert_true (th_document_discard_recovery (document, &error));
  g_assert_false (g_file_query_exists (th_document_get_recovery_file (document), NULL));
}

static void
test_delete_recovery_refuses_other_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (th_document_delete_recovery (f->file, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_query_exists (f->file, NULL));
}

/* document-helper with the fixture's file open, once it has said that its
 * answer is saved; it waits to be killed. */
static GSubprocess *
start_helper (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) helper = NULL;
  g_autoptr (GDataInputStream) output = NULL;
  g_autofree char *line = NULL;

  helper = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, DOCUMENT_HELPER,
                             g_file_peek_path (f->file), NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "saved");

  return g_steal_pointer (&helper);
}

static void
test_kill_right_after_the_answer (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) helper = start_helper (f);
  g_autoptr (ThSession) on_disk = NULL;

  /* No chance to flush, close or clean up: as a power cut. */
  g_subprocess_send_signal (helper, SIGKILL);
  g_subprocess_wait (helper, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (helper));
  g_assert_cmpint (g_subprocess_get_term_sig (helper), ==, SIGKILL);

  on_disk = reload (f->file);
  g_assert_cmpint (sort_of (on_disk, f->first), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (on_disk, 0), f->first),
                   ==, 4);
}

static void
test_changes_of_one_iteration_share_a_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) document = th_document_open (f->file, &error);
  g_autoptr (ThSaveQueue) queue = NULL;
  g_autoptr (ThSession) on_disk = NULL;
  ThSession *session;
  guint64 writes;

  g_assert_no_error (error);
  session = th_document_get_session (document);
  queue = th_save_queue_get (session, f->file);
  writes = th_save_queue_get_n_writes (queue);

  g_assert_true (th_session_set_sort (session, "p1", f->first, TH_SIDE_LEADERSHIP, &error));
  g_assert_true (th_session_set_sort (session, "p1", f->second, TH_SIDE_MANAGEMENT, &error));
  g_assert_true (th_session_set_rating (session, "p1", f->first, 5, &error));
  wait_for_saves (document);

  g_assert_cmpuint (th_save_queue_get_n_writes (queue), ==, writes + 1);
  on_disk = reload (f->file);
  g_assert_cmpint (sort_of (on_disk, f->second), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (on_disk, 0), f->first),
                   ==, 5);
  g_assert_true (th_document_get_saved (document));
}

static void
test_removal_is_written_at_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) document = th_document_open (f->file, &error);
  g_autoptr (ThSession) on_disk = NULL;

  g_assert_no_error (error);
  g_assert_true (th_session_remove_participant (th_document_get_session (document), "p1"));

  /* No main loop iteration in between. */
  on_disk = reload (f->file);
  g_assert_cmpuint (th_session_get_n_participants (on_disk), ==, 0);
}

static void
test_dispose_writes_what_is_pending (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ThDocument *document = th_document_open (f->file, &error);
  g_autoptr (ThSession) on_disk = NULL;

  g_assert_no_error (error);
  g_assert_true (
    th_session_set_rating (th_document_get_session (document), "p1", f->second, 1, &error));
  /* Closing the window right after the click (Ctrl+Q). */
  g_object_unref (document);

  on_disk = reload (f->file);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (on_disk, 0), f->second),
                   ==, 1);
}

/* What a window asks before it closes: whether a save waits or is being
 * written (th_document_get_busy()), and to finish it
 * (th_document_flush()), a write held in progress included. */
static void
test_busy_and_flush (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) document = th_document_open (f->file, &error);
  g_autoptr (ThSession) on_disk = NULL;
  ThTestSaveGate gate;
  ThSession *session;

  g_assert_no_error (error);
  session = th_document_get_session (document);
  g_assert_false (th_document_get_busy (document));
  g_assert_true (th_document_flush (document, &error));
  g_assert_no_error (error);

  th_test_save_gate_install (&gate);
  g_assert_true (th_session_set_rating (session, "p1", f->first, 4, &error));
  /* Waiting for the end of the iteration. */
  g_assert_true (th_document_get_busy (document));
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (th_test_save_gate_wait_held (&gate, 1, th_test_deadline_ms (10000)));
  /* Being written, and held there. */
  g_assert_true (th_document_get_busy (document));
  on_disk = reload (f->file);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (on_disk, 0), f->first),
                   ==, 0);
  g_clear_object (&on_disk);

  g_assert_true (th_document_flush (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (th_test_save_gate_get_n_waits (&gate), ==, 1);
  g_assert_false (th_document_get_busy (document));
  on_disk = reload (f->file);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (on_disk, 0), f->first),
                   ==, 4);

  th_test_save_gate_remove (&gate);
}

static void
test_saved_waits_for_the_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) document = th_document_open (f->file, &error);
  g_autoptr (ThSaveQueue) queue = NULL;
  g_autoptr (ThSession) on_disk = NULL;
  ThSession *session;

  g_assert_no_error (error);
  session = th_document_get_session (document);
  queue = th_save_queue_get (session, f->file);

  /* Right after the click, no iteration in between: the change waits for
   * its write, and asking whether it is saved writes it. */
  g_assert_true (th_session_set_rating (session, "p1", f->first, 2, &error));
  g_assert_true (th_save_queue_get_busy (queue));
  g_assert_true (th_document_get_saved (document));
  g_assert_false (th_save_queue_get_busy (queue));

  on_disk = reload (f->file);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (on_disk, 0), f->first),
                   ==, 2);
}

static void
test_save_is_synchronous (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) document = th_document_open (f->file, &error);
  g_autoptr (ThSession) on_disk = NULL;

  g_assert_no_error (error);
  g_assert_true (th_session_set_sort (th_document_get_session (document), "p1", f->first,
                                      TH_SIDE_MANAGEMENT, &error));
  g_assert_true (th_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_true (th_document_get_saved (document));

  on_disk = reload (f->file);
  g_assert_cmpint (sort_of (on_disk, f->first), ==, TH_SIDE_MANAGEMENT);
}

static void
assert_locked (const GError *error)
{
  g_assert_error (error, TH_ERROR, TH_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==,
                   "This workshop is open in another Two Hats window or “two-hats --host”");
}

/* docs/session-format.md, "One writer at a time": two documents on one
 * file would each overwrite the other's answers, so the second is
 * refused, also after the first has saved (renamed a new file into
 * place), until the first is closed. */
static void
test_one_writer_per_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ThDocument *first = th_document_open (f->file, &error);
  g_autoptr (ThDocument) second = NULL;
  g_autoptr (ThSession) on_disk = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (first);

  second = th_document_open (f->file, &error);
  g_assert_null (second);
  assert_locked (error);
  g_clear_error (&error);

  g_assert_true (th_session_set_sort (th_document_get_session (first), "p1", f->first,
                                      TH_SIDE_LEADERSHIP, &error));
  wait_for_saves (first);
  g_assert_true (th_document_get_saved (first));

  second = th_document_open (f->file, &error);
  g_assert_null (second);
  assert_locked (error);
  g_clear_error (&error);

  g_object_unref (first);
  second = th_document_open (f->file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpint (sort_of (th_document_get_session (second), f->first), ==, TH_SIDE_LEADERSHIP);

  on_disk = reload (f->file);
  g_assert_cmpint (sort_of (on_disk, f->first), ==, TH_SIDE_LEADERSHIP);
}

/* The same across processes: while document-helper has the file open, it
 * is refused here; once the helper is gone (killed: the kernel lets its
 * lock go), it opens. */
static void
test_locked_by_another_process (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) helper = start_helper (f);
  g_autoptr (ThDocument) document = NULL;

  /* The helper goes before anything is asserted, so that a failure
   * leaves no process behind. */
  {
    g_autoptr (GError) refused = NULL;
    g_autoptr (ThDocument) second = th_document_open (f->file, &refused);

    g_subprocess_send_signal (helper, SIGKILL);
    g_subprocess_wait (helper, NULL, &error);
    g_assert_no_error (error);

    g_assert_null (second);
    assert_locked (refused);
  }

  document = th_document_open (f->file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  /* What the helper saved is what opens. */
  g_assert_cmpint (sort_of (th_document_get_session (document), f->first), ==, TH_SIDE_MANAGEMENT);
}

/* Save As onto a workshop open elsewhere writes nothing there, and the
 * document stays where it was. */
static void
test_save_as_onto_an_open_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) open = th_document_open (f->file, &error);
  g_autoptr (ThSession) session = th_session_new (f->deck);
  g_autoptr (ThDocument) untitled = th_document_new (session, NULL);
  g_autofree char *before = read_text (f->file);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (open);
  g_assert_nonnull (th_session_add_participant (session, "Dee", &error));
  wait_for_saves (untitled);

  g_assert_false (th_document_save_as (untitled, f->file, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_LOCKED);
  g_assert_null (th_document_get_file (untitled));

  after = read_text (f->file);
  g_assert_cmpstr (after, ==, before);
}

/* A document made for a file without opening it (as for a session read
 * elsewhere) takes the lock at its first write: while another holds it,
 * the write fails, the file is left alone and the answer goes to the
 * recovery copy. */
static void
test_autosave_refused_while_held (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) reported = NULL;
  g_autoptr (ThDocument) holder = th_document_open (f->file, &error);
  g_autoptr (ThSession) session = reload (f->file);
  g_autoptr (ThDocument) document = th_document_new (session, f->file);
  g_autofree char *before = read_text (f->file);
  g_autofree char *after = NULL;
  g_autoptr (ThSession) recovered = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (holder);
  g_signal_connect (document, "save-failed", G_CALLBACK (save_failed_cb), &reported);

  g_assert_true (th_session_set_rating (session, "p1", f->first, 5, &error));
  wait_for_saves (document);
  g_assert_nonnull (reported);
  g_assert_error (reported, TH_ERROR, TH_ERROR_LOCKED);
  g_assert_false (th_document_get_saved (document));

  after = read_text (f->file);
  g_assert_cmpstr (after, ==, before);
  recovered = reload (th_document_get_recovery_file (document));
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (recovered, 0), f->first),
                   ==, 5);
  g_assert_true (th_document_discard_recovery (document, &error));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/document/autosave", test_autosave_after_every_change);
  ADD ("/core/document/untitled-recovery", test_untitled_goes_to_recovery);
  ADD ("/core/document/save-as-removes-recovery", test_save_as_removes_recovery);
  ADD ("/core/document/save-as-failure", test_save_as_failure_changes_nothing);
  ADD ("/core/document/failing-save", test_failing_save_keeps_answers);
  ADD ("/core/document/failing-untitled-save", test_failing_untitled_save);
  ADD ("/core/document/delete-recovery-refuses", test_delete_recovery_refuses_other_files);
  ADD ("/core/document/sigkill", test_kill_right_after_the_answer);
  ADD ("/core/document/one-write-per-iteration", test_changes_of_one_iteration_share_a_write);
  ADD ("/core/document/removal-at-once", test_removal_is_written_at_once);
  ADD ("/core/document/dispose-writes", test_dispose_writes_what_is_pending);
  ADD ("/core/document/save-is-synchronous", test_save_is_synchronous);
  ADD ("/core/document/saved-waits-for-the-write", test_saved_waits_for_the_write);
  ADD ("/core/document/busy-and-flush", test_busy_and_flush);
  ADD ("/core/document/one-writer-per-file", test_one_writer_per_file);
  ADD ("/core/document/locked-by-another-process", test_locked_by_another_process);
  ADD ("/core/document/save-as-onto-an-open-file", test_save_as_onto_an_open_file);
  ADD ("/core/document/autosave-refused-while-held", test_autosave_refused_while_held);
#undef ADD

  return g_test_run ();
}
