/* th-room-test-utils.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "th-room-server.h"

G_BEGIN_DECLS

/* A ThRoomServer on 127.0.0.1, port 0, running in a thread of its own with
 * its own main context, so that a test can talk to it with blocking
 * requests.  Everything that touches the server or its session runs in
 * that thread (th_room_test_server_call()). */
typedef struct _ThRoomTestServer ThRoomTestServer;

typedef struct
{
  double rate;             /* per participant; 0: the server's default */
  guint burst;             /* 0: the server's default */
  guint max_connections;   /* per address; 0: the server's default */
  gboolean no_file;        /* no session file: answers stay in memory */
  double address_rate;     /* per address before joining; 0: the server's default */
  guint address_burst;     /* 0: the server's default */
  guint idle_timeout_s;    /* 0: the server's default */
  guint request_timeout_s; /* 0: the server's default */
} ThRoomTestOptions;

ThRoomTestServer *th_room_test_server_new (const ThRoomTestOptions *options);
/* Stops the server (answering what waits for a save) and joins the thread. */
void th_room_test_server_free (ThRoomTestServer *self);

const char *th_room_test_server_get_url (ThRoomTestServer *self); /* "http://127.0.0.1:PORT/" */
const char *th_room_test_server_get_code (ThRoomTestServer *self);
guint th_room_test_server_get_port (ThRoomTestServer *self);
const char *th_room_test_server_get_path (ThRoomTestServer *self); /* the session file */

typedef void (*ThRoomTestFunc) (ThRoomServer *server, gpointer user_data);
/* Runs @func in the server's thread and waits for it. */
void th_room_test_server_call (ThRoomTestServer *self, ThRoomTestFunc func, gpointer user_data);

/* g_test_init() for the tests that talk to a room over loopback, which
 * needs no proxy. */
void th_room_test_init (int *argc, char ***argv);

/* How many times longer than usual a test waits for anything: the
 * TH_TEST_SLOW environment variable, a whole number from 1 to 100, 1 when
 * it is unset (tools/test sets 3 for the sanitizer pass). */
guint th_room_test_slow (void);
/* @ms stretched by th_room_test_slow(): every deadline a test waits for. */
guint th_room_test_deadline_ms (guint ms);

/* A SoupSession for talking to a test server: libsoup's own deadline for
 * a request (60 s) stretched by th_room_test_slow(). */
SoupSession *th_room_test_session_new (void);

/* The same, its connections made from @local_address (127.0.0.2, …). */
SoupSession *th_room_test_session_new_from (const char *local_address);

/* Writes a new session with the built-in deck to @path. */
void th_room_test_write_session (const char *path);

/* A reply, as the tests look at it. */
typedef struct
{
  guint status;
  GBytes *body;
  JsonNode *json; /* NULL unless the body is JSON */
  SoupMessageHeaders *headers;
} ThRoomReply;

void th_room_reply_free (ThRoomReply *reply);
const char *th_room_reply_get_string (ThRoomReply *reply, const char *member);

/* A request of the room to @base_url: @token (may be NULL) as a bearer
 * token, @body (NULL: none; @length -1: up to its NUL) as JSON. */
SoupMessage *th_room_message_new (const char *base_url, const char *method, const char *path,
                                  const char *token, const char *body, gssize length);

/* The JSON object of @bytes, which must be one, read with @parser (which
 * holds it). */
JsonObject *th_room_test_parse_object (GBytes *bytes, JsonParser *parser);

/* A blocking request with SoupSession.  @token may be NULL; @body NULL
 * means none. */
ThRoomReply *th_room_request (SoupSession *session, const char *base_url, const char *method,
                              const char *path, const char *token, const char *body, gssize length);

/* The same, but a connection the server ends unanswered gives status 0
 * instead of failing the test. */
ThRoomReply *th_room_try_request (SoupSession *session, const char *base_url, const char *method,
                                  const char *path, const char *token, const char *body,
                                  gssize length);

/* Joins; asserts 200 and returns the token (and the participant id). */
char *th_room_join (SoupSession *session, const char *base_url, const char *code, const char *name,
                    char **participant_id);

/* Sends @request over a plain TCP connection to 127.0.0.1:@port, shuts
 * the sending side, and reads what comes back until the server closes,
 * the deadline (@timeout_ms stretched by th_room_test_slow()) passes, or a
 * whole response with a Content-Length has arrived.  Returns the bytes
 * read (possibly empty). */
GBytes *th_room_raw_exchange (guint port, const void *request, gsize length, guint timeout_ms);
/* The same from @local_address (NULL: any). */
GBytes *th_room_raw_exchange_from (const char *local_address, guint port, const void *request,
                                   gsize length, guint timeout_ms);
/* The same on @socket, a connection already made, which stays open (to
 * send another request on it). */
GBytes *th_room_raw_exchange_on (GSocket *socket, const void *request, gsize length,
                                 guint timeout_ms);
/* A TCP connection from @local_address to 127.0.0.1:@port, not blocking;
 * it may still be on its way when this returns. */
GSocket *th_room_connect_from (const char *local_address, guint port);
/* How many of the sockets of 127.0.0.1:@port are in CLOSE-WAIT: their
 * peer has closed and they have not (from /proc/net/tcp; -1 when it
 * cannot be read). */
int th_room_count_close_wait (guint port);
/* How many of the connections of 127.0.0.1:@port are open and the server
 * has read everything sent on them (-1 when it cannot be read). */
int th_room_count_read_out (guint port);
/* The seconds of a Retry-After header of @headers (or of the raw
 * response @response), 0 when there is none. */
guint th_room_retry_after (SoupMessageHeaders *headers);
guint th_room_raw_retry_after (GBytes *response);
/* The status code of the first line of a raw HTTP response, or 0. */
guint th_room_raw_status (GBytes *response);

/* The body of PUT /api/answers that sorts and rates every behaviour of
 * the built-in deck, derived from @seed so that each participant answers
 * differently. */
char *th_room_answers_for_seed (ThDeck *deck, guint seed);
/* Asserts that @participant holds exactly the answers of @seed. */
void th_room_assert_answers (ThDeck *deck, ThParticipant *participant, guint seed);

/* `two-hats --host` as a process of its own. */
typedef struct
{
  GSubprocess *process;
  GDataInputStream *output;
  char *url;
  char *code;
  guint port;
} ThRoomTestHost;

/* The two-hats program next to the tests (G_TEST_BUILDDIR/../src). */
char *th_room_test_two_hats (const char *argv0);
/* Starts @argv (a command that runs `two-hats --host` on 127.0.0.1) and
 * reads the two lines it prints. */
void th_room_test_host_start (ThRoomTestHost *host, const char *const *argv);
void th_room_test_host_clear (ThRoomTestHost *host);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomReply, th_room_reply_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomTestServer, th_room_test_server_free)

G_END_DECLS
