/* bench-gen.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the sessions bench/run measures, from a fixed seed so that runs
 * compare: a group of N participants on the built-in deck (every card
 * sorted and rated, as after a workshop) or on a generated deck of up to
 * 1 000 behaviours with K answers each (to reach the format's limits).
 * The file is written by the app's own code (th_session_save_to_file), so
 * it is exactly what Two Hats would save.  --points also writes the scores
 * for gnuplot: "management<TAB>leadership<TAB>name", one dot a line.
 *
 *   bench-gen --participants=1000 --out=s.twohats [--points=p.tsv]
 *   bench-gen --behaviours=1000 --answers=8 --participants=100000 --out=big.twohats
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "th-deck.h"
#include "th-session.h"

static const char *const first_names[] = {
  "Ana",    "Lee",   "Jordan", "Mia", "Noah",  "Zoë",   "Ravi",  "Chen", "Fatima", "Olu",
  "Ingrid", "Mateo", "Yuki",   "Sam", "Priya", "Jonas", "Amara", "Luca", "Sofía",  "Kwame",
};
static const char *const last_names[] = {
  "Silva",  "Okafor",  "Müller",  "Nguyen",    "Smith",  "García", "Kowalski", "Haddad",
  "Tanaka", "Ivanova", "O'Brien", "Johansson", "Dubois", "Rossi",  "Kim",      "Mensah",
};

static ThDeck *
make_deck (guint n_behaviours)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  ThDeck *deck;
  static const char *const contrasts[] = { "vision-execution", "people-process", "risk" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "two-hats-deck");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "bench-deck");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "A deck as large as the format allows");
  json_builder_set_member_name (builder, "behaviours");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_behaviours; i++)
    {
      g_autofree char *id = g_strdup_printf ("b%04u", i);
      g_autofree char *text
        = g_strdup_printf ("Behaviour %u: something a person does on a Tuesday, observably.", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, i % 2 == 0 ? "leadership" : "management");
      json_builder_set_member_name (builder, "contrast");
      json_builder_add_string_value (builder, contrasts[i % 3]);
      json_builder_set_member_name (builder, "why");
      json_builder_add_string_value (builder, "One sentence that ties it to the article.");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  deck = th_deck_new_from_json (root, NULL, &error);
  if (deck == NULL)
    g_error ("generated deck: %s", error->message);

  return deck;
}

/* A rating around the participant's own tendency, so that the group
 * spreads over the whole chart. */
static int
draw_rating (GRand *rand, double tendency)
{
  int rating = (int)(tendency + g_rand_double_range (rand, -1.2, 1.2) + 0.5);

  return CLAMP (rating, 1, 5);
}

static void
answer (ThSession *session, GRand *rand, const char *id, ThBehaviour *behaviour, double lead,
        double manage)
{
  ThSide key = th_behaviour_get_key (behaviour);
  ThSide other = key == TH_SIDE_LEADERSHIP ? TH_SIDE_MANAGEMENT : TH_SIDE_LEADERSHIP;
  const char *behaviour_id = th_behaviour_get_id (behaviour);
  g_autoptr (GError) error = NULL;

  /* Three in four cards go where the article puts them. */
  if (!th_session_set_sort (session, id, behaviour_id, g_rand_double (rand) < 0.75 ? key : other,
                            &error)
      || !th_session_set_rating (session, id, behaviour_id,
                                 draw_rating (rand, key == TH_SIDE_LEADERSHIP ? lead : manage),
                                 &error))
    g_error ("%s", error->message);
}

static void
write_points (ThSession *session, const char *path)
{
  FILE *out = fopen (path, "w");

  if (out == NULL)
    g_error ("%s: cannot write", path);

  for (guint i = 0; i < th_session_get_n_participants (session); i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);
      g_autofree char *name = g_strdup (th_participant_get_name (participant));
      ThScores scores;

      th_session_compute_scores (session, participant, &scores);
      if (scores.quadrant == TH_QUADRANT_NONE)
        continue;

      /* gnuplot reads a double quote as the start of a quoted column. */
      g_strdelimit (name, "\"\t", '\'');
      fprintf (out, "%.3f\t%.3f\t%s\n", scores.management, scores.leadership, name);
    }

  if (fclose (out) != 0)
    g_error ("%s: cannot write", path);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GRand) rand = NULL;
  g_autofree char *out = NULL;
  g_autofree char *points = NULL;
  int n_participants = 1000;
  int n_behaviours = 0;
  int n_answers = 0;
  int seed = 42;
  const GOptionEntry entries[] = {
    { "participants", 0, 0, G_OPTION_ARG_INT, &n_participants, "Group size", "N" },
    { "behaviours", 0, 0, G_OPTION_ARG_INT, &n_behaviours,
      "A generated deck of N behaviours (default: the built-in deck)", "N" },
    { "answers", 0, 0, G_OPTION_ARG_INT, &n_answers,
      "Cards each participant sorts and rates (default: all)", "K" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Session file to write", "FILE" },
    { "points", 0, 0, G_OPTION_ARG_FILENAME, &points, "Scores for gnuplot", "FILE" },
    { NULL },
  };

  setlocale (LC_ALL, "C.UTF-8");
  context = g_option_context_new ("— write a session for bench/run");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || out == NULL)
    {
      g_printerr ("bench-gen: %s\n", error != NULL ? error->message : "--out is required");
      return 2;
    }

  deck = n_behaviours > 0 ? make_deck ((guint)n_behaviours) : th_deck_new_builtin ();
  session = th_session_new (deck);
  th_session_set_title (session, "Benchmark workshop");
  rand = g_rand_new_with_seed ((guint32)seed);

  {
    guint n = th_deck_get_n_behaviours (deck);
    g_autofree guint *order = g_new (guint, n);

    for (guint i = 0; i < n; i++)
      order[i] = i;

    for (int p = 0; p < n_participants; p++)
      {
        g_autofree char *name = g_strdup_printf (
          "%s %s", first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
          last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
        ThParticipant *participant = th_session_add_participant (session, name, &error);
        double lead = g_rand_double_range (rand, 1.0, 5.0);
        double manage = g_rand_double_range (rand, 1.0, 5.0);
        guint k = n_answers > 0 ? MIN ((guint)n_answers, n) : n;

        if (participant == NULL)
          g_error ("%s", error->message);

        /* K cards drawn at random (a partial shuffle); the deck alternates
         * keys, so pairs of neighbours give both scores a value. */
        for (guint i = 0; i < k; i++)
          {
            guint j = i + (k < n ? (guint)g_rand_int_range (rand, 0, (gint32)(n - i)) : 0);
            guint swap = order[i];

            order[i] = order[j];
            order[j] = swap;
            answer (session, rand, th_participant_get_id (participant),
                    th_deck_get_behaviour (deck, order[i]), lead, manage);
          }
        if (n_answers > 0 && k < n)
          {
            /* Two more with both keys, so every participant has a dot. */
            answer (session, rand, th_participant_get_id (participant),
                    th_deck_get_behaviour (deck, 0), lead, manage);
            answer (session, rand, th_participant_get_id (participant),
                    th_deck_get_behaviour (deck, 1), lead, manage);
          }
      }
  }

  file = g_file_new_for_commandline_arg (out);
  if (!th_session_save_to_file (session, file, &error))
    {
      g_printerr ("bench-gen: %s: %s\n", out, error->message);
      return 1;
    }

  if (points != NULL)
    write_points (session, points);

  return 0;
}
