/* fuzz-deck.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deck files from strangers: th_deck_new_from_data() must turn any bytes
 * into a deck or an error, never a crash, and a deck it accepts must come
 * back unchanged through the writer (the deck embedded in every saved
 * session goes that way). */

#include "config.h"

#include "fuzz-util.h"
#include "th-deck.h"
#include "th-error.h"
#include "th-json-private.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  th_fuzz_init ();
  return 0;
}

static void
check_same_behaviours (ThDeck *a, ThDeck *b)
{
  TH_FUZZ_CHECK (th_deck_get_n_behaviours (a) == th_deck_get_n_behaviours (b));
  TH_FUZZ_CHECK (th_deck_is_compatible (a, b));

  for (guint i = 0; i < th_deck_get_n_behaviours (a); i++)
    {
      ThBehaviour *x = th_deck_get_behaviour (a, i);
      ThBehaviour *y = th_deck_get_behaviour (b, i);

      TH_FUZZ_CHECK (g_strcmp0 (th_behaviour_get_text (x), th_behaviour_get_text (y)) == 0);
      TH_FUZZ_CHECK (g_strcmp0 (th_behaviour_get_why (x), th_behaviour_get_why (y)) == 0);
      TH_FUZZ_CHECK (th_behaviour_get_contrast (x) == th_behaviour_get_contrast (y));
      TH_FUZZ_CHECK (th_deck_get_behaviour_index (b, th_behaviour_get_id (x)) == (int)i);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = NULL;
  g_autoptr (ThDeck) again = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  deck = th_deck_new_from_data ((const char *)data, size, &error);
  if (deck == NULL)
    {
      TH_FUZZ_CHECK (error != NULL && error->domain == TH_ERROR);
      TH_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  TH_FUZZ_CHECK (error == NULL);
  TH_FUZZ_CHECK (th_deck_get_n_behaviours (deck) > 0);

  /* Written out with our own printer and read back: every string that
   * went in (quotes, backslashes, any Unicode) must survive the escaping. */
  node = th_deck_to_json (deck, TRUE);
  text = th_json_to_pretty_data (node, &length);
  again = th_deck_new_from_data (text, length, &error);
  if (again == NULL)
    {
      fprintf (stderr, "a deck that was accepted does not read back: %s\n", error->message);
      abort ();
    }

  check_same_behaviours (deck, again);
  TH_FUZZ_CHECK (g_strcmp0 (th_deck_get_title (deck), th_deck_get_title (again)) == 0);
  TH_FUZZ_CHECK (g_list_model_get_n_items (th_deck_get_concepts (deck))
                 == g_list_model_get_n_items (th_deck_get_concepts (again)));
  TH_FUZZ_CHECK (g_list_model_get_n_items (th_deck_get_sections (deck))
                 == g_list_model_get_n_items (th_deck_get_sections (again)));

  return 0;
}
