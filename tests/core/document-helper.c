/* document-helper.c: gives one answer through the model, then waits to be killed
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* test-document runs this program, waits for "saved" on its standard
 * output and kills it with SIGKILL: what is in the file then is what a
 * crash or a power cut right after the document said it was saved would
 * leave. */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "th-document.h"

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (ThDocument) document = NULL;
  ThSession *session;
  ThParticipant *participant;
  ThBehaviour *behaviour;

  if (argc != 2)
    {
      fprintf (stderr, "usage: document-helper SESSION\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = th_document_open (file, &error);
  if (document == NULL)
    {
      fprintf (stderr, "document-helper: %s\n", error->message);
      return 1;
    }

  session = th_document_get_session (document);
  participant = th_session_get_participant (session, 0);
  behaviour = th_deck_get_behaviour (th_session_get_deck (session), 0);
  if (participant == NULL || behaviour == NULL
      || !th_session_set_sort (session, th_participant_get_id (participant),
                               th_behaviour_get_id (behaviour), TH_SIDE_MANAGEMENT, &error)
      || !th_session_set_rating (session, th_participant_get_id (participant),
                                 th_behaviour_get_id (behaviour), 4, &error))
    {
      fprintf (stderr, "document-helper: %s\n", error ? error->message : "empty session");
      return 1;
    }

  /* No explicit save: autosave writes it at the end of this main loop
   * iteration, and asking whether it is saved finishes that write. */
  if (!th_document_get_saved (document))
    {
      fprintf (stderr, "document-helper: %s\n", th_document_get_save_error (document)->message);
      return 1;
    }

  printf ("saved\n");
  fflush (stdout);

  for (;;)
    pause ();
}
