/* fuzz-room.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Request bodies of the room protocol, straight off the network: what
 * ThRoomServer does with the body of POST /api/join and PUT /api/answers,
 * without the sockets.  Each input is tried as both bodies.  Besides "no
 * crash" it checks the promise the server relies on: what the parsers
 * accept, the session takes (a name that joins is a valid participant
 * name; answers that parse apply whole) and the session file written
 * before the 200 reads back. */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "th-room-request.h"
#include "th-room-secret.h"
#include "th-session.h"

static ThDeck *deck;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  th_fuzz_init ();
  deck = th_deck_new_builtin ();
  return 0;
}

static void
check_saved (ThSession *session)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) again = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  text = th_session_to_data (session, &length);
  again = th_session_new_from_data (text, length, &error);
  if (again == NULL)
    {
      fprintf (stderr, "the session a request left does not read back: %s\n", error->message);
      abort ();
    }
  TH_FUZZ_CHECK (th_session_get_n_participants (again) == th_session_get_n_participants (session));
}

static void
try_join (ThSession *session, const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  ThParticipant *participant;

  if (!th_room_parse_join ((const char *)data, size, &code, &name, &error))
    {
      TH_FUZZ_CHECK (error != NULL && code == NULL && name == NULL);
      TH_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  if (code != NULL)
    TH_FUZZ_CHECK (strlen (code) == TH_ROOM_JOIN_CODE_LENGTH
                   && strspn (code, TH_ROOM_JOIN_CODE_ALPHABET) == TH_ROOM_JOIN_CODE_LENGTH);

  participant = th_session_add_participant (session, name, &error);
  if (participant == NULL)
    {
      fprintf (stderr, "a name the room accepted is refused by the session: %s\n", error->message);
      abort ();
    }
  if (name != NULL)
    TH_FUZZ_CHECK (strcmp (th_participant_get_name (participant), name) == 0);

  check_saved (session);
}

static void
try_answers (ThSession *session, const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThRoomAnswers) answers = NULL;
  ThParticipant *participant;

  answers = th_room_answers_parse (deck, (const char *)data, size, &error);
  if (answers == NULL)
    {
      TH_FUZZ_CHECK (error != NULL);
      TH_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  participant = th_session_add_participant (session, NULL, &error);
  TH_FUZZ_CHECK (participant != NULL);

  /* Twice: the second time changes nothing, the way a page that resends
   * after a lost answer must not do harm. */
  for (int round = 0; round < 2; round++)
    {
      if (!th_room_answers_apply (answers, session, th_participant_get_id (participant), &error))
        {
          fprintf (stderr, "answers that parsed do not apply: %s\n", error->message);
          abort ();
        }
    }
  TH_FUZZ_CHECK (th_participant_get_n_sorted (participant) <= th_deck_get_n_behaviours (deck));
  TH_FUZZ_CHECK (th_participant_get_n_rated (participant) <= th_deck_get_n_behaviours (deck));

  check_saved (session);
}

static void
try_strings (const uint8_t *data, size_t size)
{
  /* The join code typed into the page and the bearer token of a header
   * arrive as C strings. */
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autofree char *code = th_room_normalize_join_code (text);

  if (code != NULL)
    {
      g_autofree char *again = th_room_normalize_join_code (code);

      TH_FUZZ_CHECK (again != NULL && strcmp (code, again) == 0);
    }
  if (th_room_token_is_well_formed (text))
    TH_FUZZ_CHECK (strlen (text) == TH_ROOM_TOKEN_LENGTH);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (ThSession) session = th_session_new (deck);

  try_join (session, data, size);
  try_answers (session, data, size);
  try_strings (data, size);

  return 0;
}
