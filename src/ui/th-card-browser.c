/* th-card-browser.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-card-browser.h"
#include "th-card-view.h"
#include "th-gtk-compat.h"
#include "th-property.h"
#include "th-set.h"

/* The Cards view: the article's sections in a sidebar, one large card in
 * a carousel (so touchpads and touch screens swipe), a filter by side and
 * the path through the deck.  Seen cards are kept in GSettings as
 * "DECK-ID/CARD-ID" so that self-study continues where it stopped. */

struct _ThCardBrowser
{
  GtkWidget parent_instance;

  AdwFlap *flap;
  GtkListBox *section_list;
  GtkStack *card_stack;
  AdwCarousel *carousel;
  AdwStatusPage *no_match_page;
  GtkLabel *progress_label;
  GtkLevelBar *progress_bar;
  GtkLabel *position_label;
  GtkWidget *previous_button;
  GtkWidget *next_button;

  ThDeck *deck;
  GSettings *settings;
  char *filter;
  GHashTable *seen;   /* concept id → TRUE, for the current deck */
  GPtrArray *visible; /* ThConcept, in carousel order */
  guint position;
  /* A section chosen in the sidebar none of whose cards passes the
   * filter: the browser shows no card and says so, or NULL. */
  char *empty_section;
  /* The page the carousel was last told to go to, until it says it has
   * arrived (it is not referenced: rebuilding the carousel clears it). */
  GtkWidget *scroll_target;
  /* The current card, whose turning over the browser follows. */
  GSignalGroup *card_signals;
  GtkWidget *flipped_card;
};

G_DEFINE_FINAL_TYPE (ThCardBrowser, th_card_browser, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FILTER,
  PROP_CURRENT,
  PROP_FLIPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
concept_matches_filter (ThCardBrowser *self, ThConcept *concept)
{
  ThSide side = th_concept_get_side (concept);

  if (g_strcmp0 (self->filter, "leadership") == 0)
    return side == TH_SIDE_LEADERSHIP;
  if (g_strcmp0 (self->filter, "management") == 0)
    return side == TH_SIDE_MANAGEMENT;
  if (g_strcmp0 (self->filter, "both") == 0)
    return side == TH_SIDE_BOTH;
  return TRUE;
}

static char *
seen_key (ThCardBrowser *self, ThConcept *concept)
{
  return g_strdup_printf ("%s/%s", th_deck_get_id (self->deck), th_concept_get_id (concept));
}

static void
load_seen (ThCardBrowser *self)
{
  g_auto (GStrv) keys = NULL;
  g_autofree char *prefix = NULL;

  g_hash_table_remove_all (self->seen);
  if (self->settings == NULL || self->deck == NULL)
    return;

  prefix = g_strdup_printf ("%s/", th_deck_get_id (self->deck));
  keys = g_settings_get_strv (self->settings, "cards-seen");
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], prefix))
      g_hash_table_add (self->seen, g_strdup (keys[i] + strlen (prefix)));
}

static void
store_seen (ThCardBrowser *self, ThConcept *concept)
{
  g_auto (GStrv) keys = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_autofree char *key = NULL;
  g_auto (GStrv) updated = NULL;

  if (self->settings == NULL)
    return;

  key = seen_key (self, concept);
  keys = g_settings_get_strv (self->settings, "cards-seen");
  if (g_strv_contains ((const char *const *)keys, key))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **)keys);
  g_strv_builder_add (builder, key);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "cards-seen", (const char *const *)updated);
}

static void
count_section (ThCardBrowser *self, const char *section_id, guint *n_cards, guint *n_seen)
{
  GListModel *concepts = th_deck_get_concepts (self->deck);

  *n_cards = *n_seen = 0;
  for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
    {
      g_autoptr (ThConcept) concept = g_list_model_get_item (concepts, i);

      if (g_strcmp0 (th_concept_get_section_id (concept), section_id) != 0)
        continue;
      (*n_cards)++;
      if (g_hash_table_contains (self->seen, th_concept_get_id (concept)))
        (*n_seen)++;
    }
}

static void
update_section_rows (ThCardBrowser *self)
{
  GListModel *sections = th_deck_get_sections (self->deck);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr (ThSection) section = g_list_model_get_item (sections, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->section_list, i);
      GtkWidget *count = g_object_get_data (G_OBJECT (row), "count-label");
      GtkWidget *done = g_object_get_data (G_OBJECT (row), "done-icon");
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;
      guint n_cards, n_seen;

      count_section (self, th_section_get_id (section), &n_cards, &n_seen);
      text = g_strdup_printf ("%u/%u", n_seen, n_cards);
      gtk_label_set_label (GTK_LABEL (count), text);
      gtk_widget_set_visible (done, n_cards > 0 && n_seen == n_cards);
      gtk_widget_set_visible (count, n_seen < n_cards);
      /* Translators: a section of the article in the sidebar, e.g. "2 of 5 cards seen". */
      description = g_strdup_printf (_ ("%u of %u cards seen"), n_seen, n_cards);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
}

/* Where @section_id comes in the deck's order of sections (past the end
 * when the deck has no such section). */
static guint
section_index (ThCardBrowser *self, const char *section_id)
{
  GListModel *sections = th_deck_get_sections (self->deck);
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ThSection) section = g_list_model_get_item (sections, i);

      if (g_strcmp0 (th_section_get_id (section), section_id) == 0)
        return i;
    }
  return n;
}

/* The position of the first shown card of a section after @section_id,
 * or the number of shown cards when there is none: what Next goes to
 * from a section whose cards the filter hides. */
static guint
first_after_section (ThCardBrowser *self, const char *section_id)
{
  guint after = section_index (self, section_id);

  for (guint i = 0; i < self->visible->len; i++)
    if (section_index (self, th_concept_get_section_id (g_ptr_array_index (self->visible, i)))
        > after)
      return i;
  return self->visible->len;
}

static void
update_progress (ThCardBrowser *self)
{
  guint n_concepts = self->deck ? g_list_model_get_n_items (th_deck_get_concepts (self->deck)) : 0;
  guint n_seen = g_hash_table_size (self->seen);
  g_autofree char *progress = NULL;
  g_autofree char *position = NULL;

  if (n_concepts == 0)
    {
      gtk_label_set_label (self->progress_label, "");
      gtk_level_bar_set_value (self->progress_bar, 0);
      gtk_label_set_label (self->position_label, "");
      return;
    }

  if (n_seen >= n_concepts)
    progress = g_strdup (_ ("All cards seen"));
  else
    /* Translators: self-study progress, e.g. "12 of 31 seen · 19 left". */
    progress
      = g_strdup_printf (_ ("%u of %u seen · %u left"), n_seen, n_concepts, n_concepts - n_seen);
  gtk_label_set_label (self->progress_label, progress);
  gtk_level_bar_set_max_value (self->progress_bar, n_concepts);
  gtk_level_bar_set_value (self->progress_bar, n_seen);

  if (self->visible->len == 0 || self->empty_section != NULL)
    position = g_strdup (_ ("No cards match this filter"));
  else
    /* Translators: the position of the shown card, e.g. "Card 3 of 31". */
    position = g_strdup_printf (_ ("Card %u of %u"), self->position + 1, self->visible->len);
  gtk_label_set_label (self->position_label, position);

  if (self->empty_section != NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cards.previous",
                                     first_after_section (self, self->empty_section) > 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cards.next",
                                     first_after_section (self, self->empty_section)
                                       < self->visible->len);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cards.previous", self->position > 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cards.next",
                                     self->position + 1 < self->visible->len);
    }
  update_section_rows (self);
}

static void
select_section_row (ThCardBrowser *self, const char *section_id)
{
  guint index = section_index (self, section_id);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->section_list, (int)index);

  if (row != NULL)
    gtk_list_box_select_row (self->section_list, row);
}

/* Back from "no card of this section passes the filter" to the cards. */
static void
leave_empty_section (ThCardBrowser *self)
{
  if (self->empty_section == NULL)
    return;

  g_clear_pointer (&self->empty_section, g_free);
  gtk_stack_set_visible_child_name (self->card_stack, "cards");
}

static void
card_flipped_cb (ThCardBrowser *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIPPED]);
}

static void
watch_current_card (ThCardBrowser *self)
{
  th_set_watched (&self->flipped_card, self->card_signals, th_card_browser_get_current_card (self));
}

static void
set_position (ThCardBrowser *self, guint position)
{
  ThConcept *concept;

  leave_empty_section (self);
  if (self->visible->len == 0)
    {
      self->position = 0;
      watch_current_card (self);
      update_progress (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
      return;
    }

  self->position = MIN (position, self->visible->len - 1);
  concept = g_ptr_array_index (self->visible, self->position);
  if (!g_hash_table_contains (self->seen, th_concept_get_id (concept)))
    {
      g_hash_table_add (self->seen, g_strdup (th_concept_get_id (concept)));
      store_seen (self, concept);
    }

  select_section_row (self, th_concept_get_section_id (concept));
  watch_current_card (self);
  update_progress (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIPPED]);
}

static void
page_changed_cb (AdwCarousel *carousel, guint index, ThCardBrowser *self)
{
  GtkWidget *page = adw_carousel_get_nth_page (carousel, index);
  GtkWidget *target = g_steal_pointer (&self->scroll_target);

  /* After the browser moved the carousel itself, the carousel may still
   * report a page it was on before (a scroll it had put off until it was
   * allocated): that report is stale, and following it would show,
   * highlight and count as seen a card nobody chose.  Only a swipe, which
   * the browser did not start, moves it from here. */
  if (target != NULL && page != target)
    return;
  if (index != self->position)
    set_position (self, index);
}

/* Moves the carousel to @position, and remembers where it was sent. */
static void
carousel_scroll_to (ThCardBrowser *self, guint position, gboolean animate)
{
  GtkWidget *page = adw_carousel_get_nth_page (self->carousel, position);

  self->scroll_target = page;
  adw_carousel_scroll_to (self->carousel, page, animate);
}

static void
scroll_to (ThCardBrowser *self, guint position)
{
  GtkWidget *page;

  if (position >= self->visible->len)
    return;

  leave_empty_section (self);
  page = adw_carousel_get_nth_page (self->carousel, position);
  carousel_scroll_to (self, position, gtk_widget_get_mapped (GTK_WIDGET (self->carousel)));
  set_position (self, position);

  /* Keep the keyboard on the card so Space turns the new one over. */
  if (gtk_widget_has_focus (self->previous_button) == FALSE
      && gtk_widget_has_focus (self->next_button) == FALSE)
    gtk_widget_grab_focus (gtk_widget_get_first_child (page));
}

static void
rebuild_carousel (ThCardBrowser *self, ThConcept *keep)
{
  GListModel *concepts;
  guint position = 0;

  self->scroll_target = NULL;
  while (adw_carousel_get_n_pages (self->carousel) > 0)
    adw_carousel_remove (self->carousel, adw_carousel_get_nth_page (self->carousel, 0));
  g_ptr_array_set_size (self->visible, 0);

  if (self->deck == NULL)
    {
      set_position (self, 0);
      return;
    }

  concepts = th_deck_get_concepts (self->deck);
  for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
    {
      g_autoptr (ThConcept) concept = g_list_model_get_item (concepts, i);
      GtkWidget *card;
      GtkWidget *clamp;

      if (!concept_matches_filter (self, concept))
        continue;

      if (concept == keep)
        position = self->visible->len;
      g_ptr_array_add (self->visible, g_object_ref (concept));

      card = th_card_view_new (self->deck, concept);
      gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
      clamp = adw_clamp_new ();
      adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
      adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
      adw_clamp_set_child (ADW_CLAMP (clamp), card);
      gtk_widget_set_margin_start (clamp, 24);
      gtk_widget_set_margin_end (clamp, 24);
      gtk_widget_set_margin_top (clamp, 12);
      gtk_widget_set_margin_bottom (clamp, 12);
      gtk_widget_set_hexpand (clamp, TRUE);
      adw_carousel_append (self->carousel, clamp);
    }

  if (self->visible->len > 0)
    carousel_scroll_to (self, position, FALSE);
  set_position (self, position);
}

static GtkWidget *
make_section_row (ThSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (th_section_get_title (section));
  GtkWidget *count = gtk_label_new ("");
  GtkWidget *done = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (done, "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("All seen"), -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), done);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  th_section_get_title (section), -1);

  g_object_set_data_full (G_OBJECT (row), "section-id", g_strdup (th_section_get_id (section)),
                          g_free);
  g_object_set_data (G_OBJECT (row), "count-label", count);
  g_object_set_data (G_OBJECT (row), "done-icon", done);

  return row;
}

static void
show_empty_section (ThCardBrowser *self, const char *section_id)
{
  guint index = section_index (self, section_id);
  GListModel *sections = th_deck_get_sections (self->deck);
  g_autoptr (ThSection) section = NULL;
  g_autofree char *description = NULL;
  const char *title;

  if (index >= g_list_model_get_n_items (sections))
    return;

  section = g_list_model_get_item (sections, index);
  title = th_section_get_title (section);
  if (g_strcmp0 (self->filter, "leadership") == 0)
    /* Translators: %s is the title of a section of the article. */
    description = g_strdup_printf (_ ("No card in “%s” is a Leadership card."), title);
  else if (g_strcmp0 (self->filter, "management") == 0)
    /* Translators: %s is the title of a section of the article. */
    description = g_strdup_printf (_ ("No card in “%s” is a Management card."), title);
  else
    /* Translators: %s is the title of a section of the article. */
    description = g_strdup_printf (_ ("No card in “%s” is a card for both hats."), title);
  adw_status_page_set_description (self->no_match_page, description);

  th_set_str (&self->empty_section, section_id);
  gtk_stack_set_visible_child_name (self->card_stack, "none");
  select_section_row (self, section_id);
  watch_current_card (self);
  update_progress (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIPPED]);
}

static void
section_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, ThCardBrowser *self)
{
  th_card_browser_go_to_section (self, g_object_get_data (G_OBJECT (row), "section-id"));
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
th_card_browser_go_to_section (ThCardBrowser *self, const char *section_id)
{
  g_return_if_fail (TH_IS_CARD_BROWSER (self));

  if (self->deck == NULL)
    return;

  for (guint i = 0; i < self->visible->len; i++)
    if (g_strcmp0 (th_concept_get_section_id (g_ptr_array_index (self->visible, i)), section_id)
        == 0)
      {
        scroll_to (self, i);
        return;
      }

  /* The filter hides every card of that section.  The filter is what the
   * person chose, so it stays; the section is highlighted, no card of
   * another section is shown in its place (nor counted as seen), and the
   * page says why. */
  show_empty_section (self, section_id);
}

void
th_card_browser_set_deck (ThCardBrowser *self, ThDeck *deck)
{
  GListModel *sections;

  g_return_if_fail (TH_IS_CARD_BROWSER (self));
  g_return_if_fail (deck == NULL || TH_IS_DECK (deck));

  if (!g_set_object (&self->deck, deck))
    return;

  th_list_box_remove_all (self->section_list);
  load_seen (self);

  if (deck != NULL)
    {
      sections = th_deck_get_sections (deck);
      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr (ThSection) section = g_list_model_get_item (sections, i);

          gtk_list_box_append (self->section_list, make_section_row (section));
        }
    }

  rebuild_carousel (self, NULL);
}

TH_DEFINE_GETTER (ThDeck *, th_card_browser_get_deck, ThCardBrowser, TH_IS_CARD_BROWSER, deck, NULL)

void
th_card_browser_set_settings (ThCardBrowser *self, GSettings *settings)
{
  g_return_if_fail (TH_IS_CARD_BROWSER (self));

  /* Only the counts change: the card on screen was left there before,
   * by someone the new store's cards are not for; it counts once it is
   * gone to. */
  if (g_set_object (&self->settings, settings))
    {
      load_seen (self);
      if (self->deck != NULL)
        update_progress (self);
    }
}

void
th_card_browser_start_afresh (ThCardBrowser *self)
{
  g_auto (GStrv) keys = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) kept = NULL;
  g_autofree char *prefix = NULL;

  g_return_if_fail (TH_IS_CARD_BROWSER (self));

  /* The seen cards of other decks are not this run's to forget. */
  if (self->settings != NULL && self->deck != NULL)
    {
      prefix = g_strdup_printf ("%s/", th_deck_get_id (self->deck));
      keys = g_settings_get_strv (self->settings, "cards-seen");
      builder = g_strv_builder_new ();
      for (guint i = 0; keys[i] != NULL; i++)
        if (!g_str_has_prefix (keys[i], prefix))
          g_strv_builder_add (builder, keys[i]);
      kept = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "cards-seen", (const char *const *)kept);
    }
  g_hash_table_remove_all (self->seen);

  /* Every card again, from the first, its front up: the cards are made
   * anew, which turns them all back over. */
  if (th_set_str (&self->filter, "all"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  rebuild_carousel (self, NULL);
}

/* After the cards were made again, the keyboard goes to the card shown
 * when it was among the cards (now gone) or on a button of the toolbar
 * (a filter just clicked), where Space and Enter would not turn the card
 * over; in the sections' list it stays. */
static void
keep_keyboard_on_card (ThCardBrowser *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *card = th_card_browser_get_current_card (self);

  if (card == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (focus == NULL
      || (gtk_widget_is_ancestor (focus, GTK_WIDGET (self))
          && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->section_list))))
    gtk_widget_grab_focus (card);
}

/* The first card of @section_id that the filter shows (a new reference),
 * or NULL. */
static ThConcept *
first_in_section (ThCardBrowser *self, const char *section_id)
{
  GListModel *concepts = th_deck_get_concepts (self->deck);

  for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
    {
      g_autoptr (ThConcept) concept = g_list_model_get_item (concepts, i);

      if (g_strcmp0 (th_concept_get_section_id (concept), section_id) == 0
          && concept_matches_filter (self, concept))
        return g_steal_pointer (&concept);
    }
  return NULL;
}

void
th_card_browser_set_filter (ThCardBrowser *self, const char *filter)
{
  ThConcept *current;
  g_autoptr (ThConcept) keep = NULL;

  g_return_if_fail (TH_IS_CARD_BROWSER (self));

  if (filter == NULL)
    filter = "all";
  if (g_strcmp0 (filter, "all") != 0 && g_strcmp0 (filter, "leadership") != 0
      && g_strcmp0 (filter, "management") != 0 && g_strcmp0 (filter, "both") != 0)
    return;

  current = th_card_browser_get_current (self);
  if (!th_set_str (&self->filter, filter))
    return;

  keep = current != NULL ? g_object_ref (current) : NULL;
  /* From a section whose cards the old filter hid, the new one starts at
   * that section's first card it shows. */
  if (self->empty_section != NULL)
    {
      g_clear_object (&keep);
      keep = first_in_section (self, self->empty_section);
    }
  rebuild_carousel (self, keep);
  keep_keyboard_on_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

TH_DEFINE_GETTER (const char *, th_card_browser_get_filter, ThCardBrowser, TH_IS_CARD_BROWSER,
                  filter, NULL)

ThConcept *
th_card_browser_get_current (ThCardBrowser *self)
{
  g_return_val_if_fail (TH_IS_CARD_BROWSER (self), NULL);

  if (self->empty_section != NULL || self->position >= self->visible->len)
    return NULL;
  return g_ptr_array_index (self->visible, self->position);
}

GtkWidget *
th_card_browser_get_current_card (ThCardBrowser *self)
{
  GtkWidget *page;

  g_return_val_if_fail (TH_IS_CARD_BROWSER (self), NULL);

  if (self->empty_section != NULL || self->position >= self->visible->len)
    return NULL;
  page = adw_carousel_get_nth_page (self->carousel, self->position);
  return adw_clamp_get_child (ADW_CLAMP (page));
}

TH_DEFINE_GETTER (guint, th_card_browser_get_position, ThCardBrowser, TH_IS_CARD_BROWSER, position,
                  0)

guint
th_card_browser_get_n_visible (ThCardBrowser *self)
{
  g_return_val_if_fail (TH_IS_CARD_BROWSER (self), 0);

  return self->visible->len;
}

gboolean
th_card_browser_get_flipped (ThCardBrowser *self)
{
  GtkWidget *card;

  g_return_val_if_fail (TH_IS_CARD_BROWSER (self), FALSE);

  card = th_card_browser_get_current_card (self);
  return card != NULL && th_card_view_get_flipped (TH_CARD_VIEW (card));
}

void
th_card_browser_next (ThCardBrowser *self)
{
  g_return_if_fail (TH_IS_CARD_BROWSER (self));

  if (self->empty_section != NULL)
    scroll_to (self, first_after_section (self, self->empty_section));
  else if (self->position + 1 < self->visible->len)
    scroll_to (self, self->position + 1);
}

void
th_card_browser_previous (ThCardBrowser *self)
{
  g_return_if_fail (TH_IS_CARD_BROWSER (self));

  if (self->empty_section != NULL)
    {
      guint after = first_after_section (self, self->empty_section);

      if (after > 0)
        scroll_to (self, after - 1);
    }
  else if (self->position > 0)
    scroll_to (self, self->position - 1);
}

void
th_card_browser_flip (ThCardBrowser *self)
{
  GtkWidget *card;

  g_return_if_fail (TH_IS_CARD_BROWSER (self));

  card = th_card_browser_get_current_card (self);
  if (card != NULL)
    th_card_view_flip (TH_CARD_VIEW (card));
}

guint
th_card_browser_get_n_seen (ThCardBrowser *self)
{
  g_return_val_if_fail (TH_IS_CARD_BROWSER (self), 0);

  return g_hash_table_size (self->seen);
}

gboolean
th_card_browser_is_seen (ThCardBrowser *self, ThConcept *concept)
{
  g_return_val_if_fail (TH_IS_CARD_BROWSER (self), FALSE);

  return g_hash_table_contains (self->seen, th_concept_get_id (concept));
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  th_card_browser_next (TH_CARD_BROWSER (widget));
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  th_card_browser_previous (TH_CARD_BROWSER (widget));
}

static void
first_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  scroll_to (TH_CARD_BROWSER (widget), 0);
}

static void
last_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThCardBrowser *self = TH_CARD_BROWSER (widget);

  if (self->visible->len > 0)
    scroll_to (self, self->visible->len - 1);
}

static void
th_card_browser_dispose (GObject *object)
{
  ThCardBrowser *self = TH_CARD_BROWSER (object);

  g_clear_object (&self->card_signals);
  g_clear_object (&self->flipped_card);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_CARD_BROWSER);
  g_clear_object (&self->deck);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->empty_section, g_free);

  G_OBJECT_CLASS (th_card_browser_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_FILTER] = TH_PROPERTY_FIELD (ThCardBrowser, filter, th_card_browser_set_filter),
  [PROP_CURRENT] = TH_PROPERTY_GETTER (th_card_browser_get_current, NULL),
  [PROP_FLIPPED] = TH_PROPERTY_GETTER (th_card_browser_get_flipped, NULL),
};

static void
th_card_browser_class_init (ThCardBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_card_browser_dispose;

  properties[PROP_FILTER] = g_param_spec_string ("filter", NULL, NULL, "all", TH_PARAM_READWRITE);
  properties[PROP_CURRENT]
    = g_param_spec_object ("current", NULL, NULL, TH_TYPE_CONCEPT, TH_PARAM_READABLE);
  properties[PROP_FLIPPED] = g_param_spec_boolean ("flipped", NULL, NULL, FALSE, TH_PARAM_READABLE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-card-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, flap);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, section_list);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, card_stack);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, carousel);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, position_label);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ThCardBrowser, next_button);
  gtk_widget_class_bind_template_callback (widget_class, section_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "cards.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "cards.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "cards.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "cards.last", NULL, last_action);
  gtk_widget_class_install_property_action (widget_class, "cards.filter", "filter");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "cards.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "cards.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "cards.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "cards.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "cards.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "cards.last", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
th_card_browser_init (ThCardBrowser *self)
{
  self->filter = g_strdup ("all");
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->visible = g_ptr_array_new_with_free_func (g_object_unref);
  self->card_signals = g_signal_group_new (GTK_TYPE_WIDGET);
  g_signal_group_connect_swapped (self->card_signals, "notify::flipped",
                                  G_CALLBACK (card_flipped_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  update_progress (self);
}

GtkWidget *
th_card_browser_new (void)
{
  return g_object_new (TH_TYPE_CARD_BROWSER, NULL);
}
