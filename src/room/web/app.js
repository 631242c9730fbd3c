/* Two Hats participant page.
 * Copyright 2026 The Two Hats authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Join with the code, sort every behaviour card into leadership or
 * management, rate how often you do each, and follow the facilitator's
 * phase.  Everything the server or a participant wrote reaches the page
 * through textContent only, never as HTML.
 *
 * Answers are the one thing that must not be lost: every tap goes into a
 * queue kept in sessionStorage and is sent until the server says 200 (it
 * saves to disk before it says so).  A reload, a dropped Wi-Fi or a
 * server that is busy for a moment only delays them. */

'use strict';

(function () {
  const STRINGS = {
    en: {
      appName: 'Two Hats',
      loading: 'Loading…',
      joinHeading: 'Join the workshop',
      joinIntro: 'Enter the code from the big screen.',
      codeLabel: 'Join code',
      nameLabel: 'Your name',
      anonymousLabel: 'Stay anonymous',
      anonymousHint: 'You will be shown with a number instead of a name.',
      joinButton: 'Join',
      joining: 'Joining…',
      errCode: 'Enter the six characters of the join code.',
      errWrongCode: 'That code is not right. Check the big screen.',
      errLocked: 'The room is not taking anyone new right now. Ask the facilitator.',
      errName: 'Enter a name (up to 100 characters), or choose to stay anonymous.',
      errNetwork: 'Cannot reach the facilitator’s computer. Are you on the room’s Wi-Fi?',
      busy: 'The room is busy. Trying again in a moment…',
      removed: 'You are no longer in the room. Join again with the code.',
      removedByFacilitator: 'The facilitator removed you from the workshop, with your answers.',
      errFull: 'The room is full. Ask the facilitator.',
      errNameTooLong: 'A name has at most 100 characters.',
      errNameControl: 'A name cannot contain control characters or line breaks.',
      errNameDirection: 'A name cannot contain characters that turn the text around.',
      errNameInvisible: 'A name needs at least one letter, digit or sign that shows.',
      errNameRefused: 'This name is not allowed here. Choose another one.',
      errNameReserved: 'Names like “Participant 3” are kept for people who join without a name. Choose another one.',
      errNameRemoved: 'The facilitator removed this name from the room. Choose another one, or ask the facilitator.',
      generatedHint: 'You get a name when you join.',
      yourName: 'Your name in this workshop is {name}.',
      youAre: 'You are {name}',
      sortHeading: 'Leadership or management?',
      sortPrompt: 'Where does this behaviour belong?',
      leadership: 'Leadership',
      management: 'Management',
      cardOf: 'Card {n} of {total}',
      sortedCount: '{n} of {total} sorted',
      back: 'Back',
      waitHeading: 'All cards sorted',
      waitText: 'The facilitator will reveal the answers soon. You can already rate yourself.',
      rateNow: 'Rate yourself now',
      rateHeading: 'How often do you do this?',
      rarely: 'rarely',
      almostAlways: 'almost always',
      ratingLabel: '{n} of 5',
      ratedCount: '{n} of {total} rated',
      revealHeading: 'The answers',
      revealIntro: 'How the article sees each behaviour.',
      yourAnswer: 'You: {side}',
      notSorted: 'You did not sort this one.',
      articleSays: 'The article: {side}',
      match: 'Same as the article',
      doneHeading: 'Thank you!',
      doneText: 'Your answers are in. Watch the big screen.',
      seeAnswers: 'See the answers',
      changeSort: 'Change my sorting',
      changeRatings: 'Change my ratings',
      saved: 'Saved',
      saving: 'Saving…',
      offline: 'Offline — will retry',
      notSaved: 'Not saved yet — will retry',
      resultLater: 'Your position on the chart appears here once the group has gone through the answers.',
      resultHeading: 'Your position',
      resultChart: 'Your dot on the chart: leadership {leadership}, management {management}, {quadrant}.',
      nextSteps: 'What to practise next',
      seePosition: 'See my position',
      watchHeading: 'Watch the big screen',
      watchText: 'The group is going through the cards together on the big screen: first how everyone sorted them, then the article’s answer.',
      watchJoin: 'Watch, say what you think and join the discussion.',
      watchLater: 'The answers come to your phone after the discussion.',
      sortClosed: 'Your change to the sorting was not saved: the sorting is closed because the answers have been shown. Your ratings can still change.',
    },
    de: {
      appName: 'Two Hats',
      loading: 'Wird geladen …',
      joinHeading: 'Am Workshop teilnehmen',
      joinIntro: 'Gib den Code von der Leinwand ein.',
      codeLabel: 'Beitrittscode',
      nameLabel: 'Dein Name',
      anonymousLabel: 'Anonym bleiben',
      anonymousHint: 'Du erscheinst dann mit einer Nummer statt mit deinem Namen.',
      joinButton: 'Teilnehmen',
      joining: 'Wird verbunden …',
      errCode: 'Gib die sechs Zeichen des Beitrittscodes ein.',
      errWrongCode: 'Der Code stimmt nicht. Sieh auf der Leinwand nach.',
      errLocked: 'Der Raum nimmt gerade niemanden mehr auf. Frag die Moderation.',
      errName: 'Gib einen Namen ein (bis zu 100 Zeichen) oder bleib anonym.',
      errNetwork: 'Der Rechner der Moderation ist nicht erreichbar. Bist du im WLAN des Raums?',
      busy: 'Der Raum ist gerade ausgelastet. Gleich kommt ein neuer Versuch …',
      removed: 'Du bist nicht mehr im Raum. Tritt mit dem Code erneut bei.',
      removedByFacilitator: 'Die Moderation hat dich samt deinen Antworten aus dem Workshop entfernt.',
      errFull: 'Der Raum ist voll. Frag die Moderation.',
      errNameTooLong: 'Ein Name hat höchstens 100 Zeichen.',
      errNameControl: 'Ein Name darf keine Steuerzeichen und keine Zeilenumbrüche enthalten.',
      errNameDirection: 'Ein Name darf keine Zeichen enthalten, die die Schreibrichtung umdrehen.',
      errNameInvisible: 'Ein Name braucht mindestens einen Buchstaben, eine Ziffer oder ein Zeichen, das man sieht.',
      errNameRefused: 'Dieser Name ist hier nicht erlaubt. Wähle einen anderen.',
      errNameReserved: 'Namen wie „Person 3“ sind für alle reserviert, die ohne Namen beitreten. Wähle einen anderen.',
      errNameRemoved: 'Die Moderation hat diesen Namen aus dem Raum entfernt. Wähle einen anderen oder frag die Moderation.',
      generatedHint: 'Du bekommst beim Beitreten einen Namen.',
      yourName: 'Dein Name in diesem Workshop: {name}.',
      youAre: 'Du bist {name}',
      sortHeading: 'Führung oder Management?',
      sortPrompt: 'Wohin gehört dieses Verhalten?',
      leadership: 'Führung',
      management: 'Management',
      cardOf: 'Karte {n} von {total}',
      sortedCount: '{n} von {total} sortiert',
      back: 'Zurück',
      waitHeading: 'Alle Karten sortiert',
      waitText: 'Die Moderation löst gleich auf. Du kannst dich schon jetzt selbst einschätzen.',
      rateNow: 'Jetzt selbst einschätzen',
      rateHeading: 'Wie oft tust du das?',
      rarely: 'selten',
      almostAlways: 'fast immer',
      ratingLabel: '{n} von 5',
      ratedCount: '{n} von {total} eingeschätzt',
      revealHeading: 'Die Auflösung',
      revealIntro: 'So ordnet der Artikel jedes Verhalten ein.',
      yourAnswer: 'Du: {side}',
      notSorted: 'Diese Karte hast du nicht sortiert.',
      articleSays: 'Der Artikel: {side}',
      match: 'Wie im Artikel',
      doneHeading: 'Danke!',
      doneText: 'Deine Antworten sind angekommen. Schau auf die Leinwand.',
      seeAnswers: 'Auflösung ansehen',
      changeSort: 'Sortierung ändern',
      changeRatings: 'Einschätzung ändern',
      saved: 'Gespeichert',
      saving: 'Wird gespeichert …',
      offline: 'Offline – neuer Versuch folgt',
      notSaved: 'Noch nicht gespeichert – neuer Versuch folgt',
      resultLater: 'Deine Position im Diagramm erscheint hier, sobald ihr die Auflösung gemeinsam durchgegangen seid.',
      resultHeading: 'Deine Position',
      resultChart: 'Dein Punkt im Diagramm: Führung {leadership}, Management {management}, {quadrant}.',
      nextSteps: 'Was du als Nächstes üben kannst',
      seePosition: 'Meine Position ansehen',
      watchHeading: 'Schau auf die Leinwand',
      watchText: 'Die Gruppe geht die Karten gemeinsam auf der Leinwand durch: erst, wie alle sortiert haben, dann die Antwort des Artikels.',
      watchJoin: 'Schau zu, sag, was du denkst, und diskutier mit.',
      watchLater: 'Die Auflösung kommt nach der Diskussion auf dein Handy.',
      sortClosed: 'Deine Änderung an der Sortierung wurde nicht gespeichert: Die Sortierung ist geschlossen, weil die Auflösung schon gezeigt wurde. Deine Einschätzung kannst du weiter ändern.',
    },
  };

  const LANG = String(navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
  /* The name and next steps of each quadrant, as the app words them:
   * advice.js, made at build time from the app's own text. */
  const ADVICE = (window.TWO_HATS_ADVICE || {})[LANG] || {};
  const SCORE_FORMAT = new Intl.NumberFormat(LANG === 'de' ? 'de-DE' : 'en-US',
    { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const STORAGE_KEY = 'two-hats-room';
  const POLL_MS = 2000;
  const POLL_HIDDEN_MS = 6000;
  const REQUEST_TIMEOUT_MS = 10000;
  const RETRY_MIN_MS = 1000;
  const RETRY_MAX_MS = 30000;

  function t(key, params) {
    let text = STRINGS[LANG][key] || STRINGS.en[key] || key;
    if (params) {
      for (const name of Object.keys(params))
        text = text.split('{' + name + '}').join(String(params[name]));
    }
    return text;
  }

  function $(id) {
    return document.getElementById(id);
  }

  /* State.  sort and ratings are what the participant sees (the truth on
   * this device); pending is what the server has not acknowledged yet. */
  const state = {
    token: null,
    participant: null,
    name: null,
    sort: {},
    ratings: {},
    pending: { sort: {}, ratings: {} },
    deck: null,
    revealed: false,
    phase: 'sort',
    view: null, /* a view the participant asked for, over the phase's */
    reviewing: false,
    sortIndex: 0,
    rateIndex: 0,
    inFlight: false,
    retryDelay: RETRY_MIN_MS,
    busy: 0, /* requests waiting out a 429 */
    retryTimer: null,
    pollTimer: null,
    network: 'ok', /* ok | offline | unsaved */
    lastView: null,
    message: '',
    /* What the room refused, in the page's words (a sort after the
     * sorting closed): shown until the person goes on. */
    notice: '',
    names: 'typed', /* typed | generated: GET /api/room */
    /* The participant's own position, from GET /api/me once the key is
     * out and every card is rated (the server works it out). */
    result: null,
  };

  let storage = null;
  try {
    storage = window.sessionStorage;
    storage.setItem(STORAGE_KEY + '-probe', '1');
    storage.removeItem(STORAGE_KEY + '-probe');
  } catch (e) {
    storage = null; /* private mode: the page still works, a reload forgets */
  }

  function persist() {
    if (!storage)
      return;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({
        token: state.token,
        participant: state.participant,
        name: state.name,
        sort: state.sort,
        ratings: state.ratings,
        pending: state.pending,
      }));
    } catch (e) {
      /* Full or refused: the in-memory queue still goes out. */
    }
  }

  function restore() {
    if (!storage)
      return;
    try {
      const saved = JSON.parse(storage.getItem(STORAGE_KEY) || 'null');
      if (!saved || typeof saved !== 'object')
        return;
      state.token = typeof saved.token === 'string' ? saved.token : null;
      state.participant = typeof saved.participant === 'string' ? saved.participant : null;
      state.name = typeof saved.name === 'string' ? saved.name : null;
      state.sort = plainObject(saved.sort);
      state.ratings = plainObject(saved.ratings);
      if (saved.pending && typeof saved.pending === 'object') {
        state.pending.sort = plainObject(saved.pending.sort);
        state.pending.ratings = plainObject(saved.pending.ratings);
      }
    } catch (e) {
      storage.removeItem(STORAGE_KEY);
    }
  }

  function plainObject(value) {
    const out = Object.create(null);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value))
        out[key] = value[key];
    }
    return out;
  }

  function count(object) {
    return Object.keys(object).length;
  }

  function isEmpty(queue) {
    return count(queue.sort) === 0 && count(queue.ratings) === 0;
  }

  /* Network */

  /* Over a limit (too many requests from this address or this phone)
   * the room answers 429 with Retry-After: wait that long, longer each
   * time and a random part more, so that the phones behind one address
   * do not all come back at once; say so meanwhile, and ask again. */
  async function api(method, path, body) {
    let wait = 0;
    for (;;) {
      const result = await send(method, path, body);
      if (result.status !== 429) {
        if (wait > 0)
          setBusy(-1);
        return result;
      }
      const seconds = Number(result.retryAfter);
      if (wait === 0)
        setBusy(1);
      wait = Math.min(Math.max(Number.isFinite(seconds) ? seconds * 1000 : 0, wait * 1.5,
        RETRY_MIN_MS), RETRY_MAX_MS);
      await new Promise(function (resolve) {
        setTimeout(resolve, wait * (1 + Math.random() * 0.5));
      });
    }
  }

  function setBusy(change) {
    state.busy += change;
    renderNetwork();
  }

  async function send(method, path, body) {
    const controller = new AbortController();
    const timer = setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    const headers = {};
    if (state.token)
      headers.Authorization = 'Bearer ' + state.token;
    if (body !== undefined)
      headers['Content-Type'] = 'application/json';
    try {
      const response = await fetch(path, {
        method: method,
        headers: headers,
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'error',
      });
      let data = null;
      try {
        data = await response.json();
      } catch (e) {
        data = null;
      }
      return { status: response.status, data: data,
        retryAfter: response.headers.get('Retry-After') };
    } catch (e) {
      return { status: 0, data: null };
    } finally {
      clearTimeout(timer);
    }
  }

  function setNetwork(network) {
    state.network = network;
    renderNetwork();
  }

  function renderNetwork() {
    const net = $('net');
    let text = '';
    if (state.busy > 0) {
      text = t('busy');
    } else if (state.token) {
      if (state.network === 'offline')
        text = t('offline');
      else if (state.network === 'unsaved')
        text = t('notSaved');
      else if (state.inFlight || !isEmpty(state.pending))
        text = t('saving');
      else if (count(state.sort) + count(state.ratings) > 0)
        text = t('saved');
    }
    net.textContent = text;
    net.classList.toggle('offline', state.network !== 'ok' || state.busy > 0);
    if (state.busy > 0)
      net.dataset.state = 'busy';
    else
      net.dataset.state = state.network === 'ok'
        ? (isEmpty(state.pending) && !state.inFlight ? 'saved' : 'saving')
        : state.network;
  }

  function scheduleRetry() {
    if (state.retryTimer)
      return;
    /* Jitter, so that a room of phones coming back at once does not
     * arrive in one burst. */
    const delay = state.retryDelay * (0.75 + Math.random() * 0.5);
    state.retryDelay = Math.min(state.retryDelay * 2, RETRY_MAX_MS);
    state.retryTimer = setTimeout(function () {
      state.retryTimer = null;
      flush();
    }, delay);
  }

  function retryNow() {
    if (state.retryTimer) {
      clearTimeout(state.retryTimer);
      state.retryTimer = null;
    }
    state.retryDelay = RETRY_MIN_MS;
    flush();
  }

  async function flush() {
    if (state.inFlight || !state.token || state.retryTimer)
      return;
    if (isEmpty(state.pending)) {
      renderNetwork();
      return;
    }

    const batch = {
      sort: Object.assign({}, state.pending.sort),
      ratings: Object.assign({}, state.pending.ratings),
    };
    state.inFlight = true;
    renderNetwork();
    const result = await api('PUT', '/api/answers', batch);
    state.inFlight = false;

    if (result.status === 400 && result.data && result.data.reason === 'sort-closed') {
      sortClosed(batch);
      return;
    }

    if (result.status === 200 || result.status === 400) {
      /* Acknowledged (or refused for good, which retrying cannot fix):
       * forget what was sent, unless it was changed meanwhile. */
      for (const id of Object.keys(batch.sort)) {
        if (state.pending.sort[id] === batch.sort[id])
          delete state.pending.sort[id];
      }
      for (const id of Object.keys(batch.ratings)) {
        if (state.pending.ratings[id] === batch.ratings[id])
          delete state.pending.ratings[id];
      }
      persist();
      state.retryDelay = RETRY_MIN_MS;
      if (result.status === 200)
        takeResult(result.data);
      setNetwork('ok');
      if (result.status === 400 && result.data && typeof result.data.error === 'string')
        console.warn('Two Hats: answers refused:', result.data.error);
      if (!isEmpty(state.pending))
        flush();
      return;
    }

    if (result.status === 401) {
      lost(result);
      return;
    }

    setNetwork(result.status === 0 ? 'offline' : 'unsaved');
    scheduleRetry();
  }

  /* The facilitator has shown the key, and the room refused this batch
   * whole: the sides it carried are closed for good, so they leave the
   * queue; its ratings were not applied either and stay queued.  The
   * room's answers come back, the person is told in plain words, and the
   * page asks for the phase at once rather than at the next poll. */
  async function sortClosed(batch) {
    for (const id of Object.keys(batch.sort)) {
      if (state.pending.sort[id] === batch.sort[id])
        delete state.pending.sort[id];
    }
    persist();
    state.notice = t('sortClosed');
    state.retryDelay = RETRY_MIN_MS;
    setNetwork('ok');
    if (!(await loadAnswers()))
      return;
    render();
    if (!isEmpty(state.pending))
      flush();
    stopPolling();
    poll();
  }

  function queue(kind, id, value) {
    state[kind][id] = value;
    state.pending[kind][id] = value;
    persist();
    flush();
    renderNetwork();
  }

  function lost(result) {
    const removed = Boolean(result && result.data && result.data.reason === 'removed');
    state.token = null;
    state.participant = null;
    state.deck = null;
    state.result = null;
    if (removed) {
      /* The facilitator removed this participant and their answers: the
       * device lets them go too, and waits for the person to decide. */
      state.sort = {};
      state.ratings = {};
      state.pending = { sort: {}, ratings: {} };
      state.message = t('removedByFacilitator');
    } else {
      /* The app was restarted: the token is gone, the answers on this
       * device are not; joining again sends them. */
      for (const id of Object.keys(state.sort))
        state.pending.sort[id] = state.sort[id];
      for (const id of Object.keys(state.ratings))
        state.pending.ratings[id] = state.ratings[id];
      state.message = t('removed');
    }
    persist();
    stopPolling();
    setNetwork('ok');
    loadRoom();
    render();
  }

  function stopPolling() {
    if (state.pollTimer) {
      clearTimeout(state.pollTimer);
      state.pollTimer = null;
    }
  }

  function schedulePoll() {
    stopPolling();
    state.pollTimer = setTimeout(poll, document.hidden ? POLL_HIDDEN_MS : POLL_MS);
  }

  async function poll() {
    state.pollTimer = null;
    if (!state.token)
      return;
    const result = await api('GET', '/api/state');
    if (result.status === 401) {
      lost(result);
      return;
    }
    if (result.status === 200 && result.data) {
      if (state.network === 'offline') {
        setNetwork('ok');
        retryNow();
      }
      if (typeof result.data.name === 'string' && result.data.name !== state.name) {
        state.name = result.data.name;
        persist();
      }
      await setPhase(result.data.phase);
      if (wantsResult())
        await loadResult();
    } else if (result.status === 0) {
      setNetwork('offline');
    }
    if (state.token)
      schedulePoll();
  }

  /* The position from a GET /api/me body (or an answer's 200), when it is
   * whole: two scores, a threshold and a quadrant this page can name. */
  function readResult(value) {
    if (!value || typeof value !== 'object')
      return null;
    for (const key of ['leadership', 'management', 'threshold']) {
      if (typeof value[key] !== 'number' || !(value[key] >= 0 && value[key] <= 100))
        return null;
    }
    if (typeof value.quadrant !== 'string' ||
        !Object.prototype.hasOwnProperty.call(ADVICE, value.quadrant))
      return null;
    return { leadership: value.leadership, management: value.management,
      threshold: value.threshold, quadrant: value.quadrant };
  }

  function takeResult(me) {
    const before = JSON.stringify(state.result);
    state.result = me ? readResult(me.result) : null;
    if (JSON.stringify(state.result) !== before)
      render();
  }

  /* Once the answers are open (reflect or chart), with every card rated
   * and saved, the server has a position for this participant: ask for
   * it until it comes.  (The room has it from the reveal on; the page
   * keeps it for after the discussion, as it keeps the answers.) */
  function wantsResult() {
    return answersOpen() && state.result === null && state.deck !== null &&
      countIn(state.ratings) >= state.deck.length && isEmpty(state.pending) && !state.inFlight;
  }

  async function loadResult() {
    const me = await api('GET', '/api/me');
    if (me.status === 401) {
      lost(me);
      return;
    }
    if (me.status === 200 && me.data && state.phase !== 'sort')
      takeResult(me.data);
  }

  async function setPhase(phase) {
    if (['sort', 'reveal', 'reflect', 'chart'].indexOf(phase) < 0)
      phase = 'sort';
    if (phase === state.phase && state.deck)
      return;
    const changed = phase !== state.phase;
    state.phase = phase;
    if (phase === 'sort') {
      state.result = null; /* the facilitator went back: the key is not out */
      state.notice = ''; /* and the sorting is open again */
    }
    if (changed) {
      /* The facilitator moved on: follow, whatever was open. */
      state.view = null;
      state.reviewing = false;
    }
    if (phase !== 'sort' && state.deck && !state.revealed)
      await loadDeck();
    render();
  }

  async function loadDeck() {
    const result = await api('GET', '/api/deck');
    if (result.status === 401) {
      lost(result);
      return false;
    }
    if (result.status !== 200 || !result.data || !Array.isArray(result.data.behaviours)) {
      setNetwork('offline');
      return false;
    }
    state.deck = result.data.behaviours.filter(function (b) {
      return b && typeof b.id === 'string' && typeof b.text === 'string';
    });
    state.revealed = result.data.revealed === true;
    if (typeof result.data.phase === 'string')
      state.phase = result.data.phase;
    if (typeof result.data.language === 'string')
      document.documentElement.lang = result.data.language;
    return true;
  }

  /* The room's answers (GET /api/me), with what this device has not sent
   * yet on top: the newest tap wins.  FALSE when the token is gone. */
  async function loadAnswers() {
    const me = await api('GET', '/api/me');
    if (me.status === 401) {
      lost(me);
      return false;
    }
    if (me.status === 200 && me.data) {
      state.sort = Object.assign(plainObject(me.data.sort), state.pending.sort);
      state.ratings = Object.assign(plainObject(me.data.ratings), state.pending.ratings);
      if (typeof me.data.name === 'string')
        state.name = me.data.name;
      state.result = readResult(me.data.result);
      persist();
    }
    return Boolean(state.token);
  }

  async function start() {
    state.deck = null;
    render();
    while (state.token) {
      if (await loadDeck())
        break;
      if (!state.token)
        return;
      await new Promise(function (resolve) { setTimeout(resolve, state.retryDelay); });
      state.retryDelay = Math.min(state.retryDelay * 2, RETRY_MAX_MS);
    }
    if (!state.token)
      return;
    state.retryDelay = RETRY_MIN_MS;

    if (!(await loadAnswers()))
      return;
    setNetwork('ok');
    state.sortIndex = firstMissing(state.sort, 0);
    state.rateIndex = firstMissing(state.ratings, 0);
    render();
    flush();
    poll();
  }

  /* Joining */

  /* Whether the room asks for a name or gives one; without an answer the
   * form asks, and the server gives one anyway if it does. */
  async function loadRoom() {
    const result = await api('GET', '/api/room');
    if (result.status === 200 && result.data &&
        (result.data.names === 'generated' || result.data.names === 'typed')) {
      state.names = result.data.names;
      render();
    }
  }

  /* The page's own words for a refused join: the reason says which.  A
   * join over the join limit (429) never gets here: api() waits it out. */
  const JOIN_REASONS = {
    code: 'errWrongCode',
    locked: 'errLocked',
    full: 'errFull',
    'name-too-long': 'errNameTooLong',
    'name-control': 'errNameControl',
    'name-direction': 'errNameDirection',
    'name-invisible': 'errNameInvisible',
    'name-refused-word': 'errNameRefused',
    'name-reserved': 'errNameReserved',
    'name-removed': 'errNameRemoved',
  };

  function joinError(result) {
    const reason = result.data && typeof result.data.reason === 'string' ? result.data.reason : '';
    if (Object.prototype.hasOwnProperty.call(JOIN_REASONS, reason))
      return t(JOIN_REASONS[reason]);
    /* A reason this page does not know yet: the server's own message. */
    if (reason && typeof result.data.error === 'string')
      return result.data.error;
    const messages = { 0: 'errNetwork', 400: 'errName', 403: 'errWrongCode', 423: 'errLocked' };
    return t(messages[result.status] || 'errNetwork');
  }

  async function join(event) {
    event.preventDefault();
    const error = $('join-error');
    const button = $('join-button');
    const code = $('join-code').value.replace(/[\s-]/g, '').toUpperCase();
    const generated = state.names === 'generated';
    const anonymous = generated || $('join-anonymous').checked;
    const name = anonymous ? '' : $('join-name').value.trim();

    state.message = '';
    if (code.length !== 6) {
      error.textContent = t('errCode');
      $('join-code').focus();
      return;
    }
    if (!anonymous && (name.length === 0 || Array.from(name).length > 100)) {
      error.textContent = t('errName');
      $('join-name').focus();
      return;
    }

    error.textContent = '';
    button.disabled = true;
    button.textContent = t('joining');
    const body = { code: code };
    if (!anonymous)
      body.name = name;
    state.token = null;
    const result = await api('POST', '/api/join', body);
    button.disabled = false;
    button.textContent = t('joinButton');

    if (result.status === 200 && result.data && typeof result.data.token === 'string') {
      state.token = result.data.token;
      state.participant = String(result.data.participant || '');
      state.name = String(result.data.name || '');
      persist();
      start();
      return;
    }

    error.textContent = joinError(result);
    if (result.data && /^name-/.test(String(result.data.reason)))
      $('join-name').focus();
  }

  /* Progress through the cards */

  function firstMissing(answers, from) {
    const deck = state.deck || [];
    for (let i = 0; i < deck.length; i++) {
      const index = (from + i) % deck.length;
      if (!(deck[index].id in answers))
        return index;
    }
    return -1;
  }

  /* The key is the big screen's during the reveal, where the group sees
   * its own split first and argues before the answer comes: a phone
   * offers the answers (and the position they give) only from reflect on. */
  function answersOpen() {
    return state.phase === 'reflect' || state.phase === 'chart';
  }

  /* Whether a view the person asked for still fits the phase: the
   * sorting only while it is open, the answers only once they are. */
  function viewFits(view) {
    if (view === 'sort' || view === 'wait')
      return state.phase === 'sort';
    if (view === 'reveal' || view === 'done')
      return state.phase === 'sort' ? view === 'done' : answersOpen();
    return true;
  }

  function chooseView() {
    if (!state.token)
      return 'join';
    if (!state.deck)
      return 'loading';
    if (state.view && viewFits(state.view))
      return state.view;

    const total = state.deck.length;
    const sorted = countIn(state.sort);
    const rated = countIn(state.ratings);
    switch (state.phase) {
      case 'reveal':
        return 'watch';
      case 'reflect':
      case 'chart':
        return rated < total ? 'rate' : 'done';
      default:
        if (sorted < total)
          return 'sort';
        if (rated === 0)
          return 'wait';
        return rated < total ? 'rate' : 'done';
    }
  }

  function countIn(answers) {
    let n = 0;
    for (const behaviour of state.deck || []) {
      if (behaviour.id in answers)
        n++;
    }
    return n;
  }

  function sideLabel(side) {
    return side === 'leadership' ? t('leadership') : t('management');
  }

  function show(view) {
    for (const section of document.querySelectorAll('.view'))
      section.hidden = section.id !== 'view-' + view;
    document.body.dataset.view = view;
    if (view !== state.lastView) {
      state.lastView = view;
      const heading = document.querySelector('#view-' + view + ' h1');
      /* Moving focus tells a screen reader that the page changed; not on
       * the first view, where the code field should have it. */
      if (heading && view !== 'join')
        heading.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }

  function renderCard(prefix, index, answers) {
    const deck = state.deck;
    const behaviour = deck[index];
    const done = countIn(answers);
    $(prefix + '-text').textContent = behaviour.text;
    $(prefix + '-text').dataset.id = behaviour.id;
    $(prefix + '-position').textContent = t('cardOf', { n: index + 1, total: deck.length });
    $(prefix + '-progress').max = deck.length;
    $(prefix + '-progress').value = done;
    $(prefix + '-count').textContent =
      t(prefix === 'sort' ? 'sortedCount' : 'ratedCount', { n: done, total: deck.length });
    $(prefix + '-back').hidden = index === 0;
    const card = $(prefix + '-text').parentElement;
    if (card.dataset.id !== behaviour.id) {
      card.dataset.id = behaviour.id;
      /* Restart the small entry animation for the new card. */
      card.style.animation = 'none';
      void card.offsetWidth;
      card.style.animation = '';
    }
  }

  function renderSort() {
    if (state.sortIndex < 0 || state.sortIndex >= state.deck.length)
      state.sortIndex = Math.max(0, firstMissing(state.sort, 0));
    renderCard('sort', state.sortIndex, state.sort);
    const current = state.sort[state.deck[state.sortIndex].id];
    for (const button of document.querySelectorAll('#view-sort .choice'))
      button.setAttribute('aria-pressed', String(button.dataset.side === current));
  }

  function renderRate() {
    if (state.rateIndex < 0 || state.rateIndex >= state.deck.length)
      state.rateIndex = Math.max(0, firstMissing(state.ratings, 0));
    renderCard('rate', state.rateIndex, state.ratings);
    const current = state.ratings[state.deck[state.rateIndex].id];
    for (const button of document.querySelectorAll('#rate-buttons .choice'))
      button.setAttribute('aria-pressed', String(Number(button.dataset.rating) === current));
  }

  function renderReveal() {
    const list = $('reveal-list');
    list.replaceChildren();
    for (const behaviour of state.deck) {
      const item = document.createElement('li');
      const text = document.createElement('p');
      const meta = document.createElement('p');
      const mine = state.sort[behaviour.id];
      text.className = 'text';
      text.textContent = behaviour.text;
      meta.className = 'meta';
      item.appendChild(text);

      if (behaviour.key === 'leadership' || behaviour.key === 'management') {
        item.className = behaviour.key;
        const verdict = document.createElement('span');
        if (!mine) {
          meta.textContent = t('notSorted') + ' ' + t('articleSays', { side: sideLabel(behaviour.key) });
        } else if (mine === behaviour.key) {
          verdict.className = 'match';
          verdict.textContent = '✓ ' + t('match') + ': ' + sideLabel(mine);
          meta.appendChild(verdict);
        } else {
          verdict.className = 'miss';
          verdict.textContent = '✗ ' + t('yourAnswer', { side: sideLabel(mine) });
          meta.appendChild(verdict);
          meta.appendChild(document.createTextNode(' · ' +
            t('articleSays', { side: sideLabel(behaviour.key) })));
        }
      } else if (mine) {
        meta.textContent = t('yourAnswer', { side: sideLabel(mine) });
      }
      item.appendChild(meta);

      if (typeof behaviour.why === 'string') {
        const why = document.createElement('p');
        why.className = 'why';
        why.textContent = behaviour.why;
        item.appendChild(why);
      }
      list.appendChild(item);
    }
    $('reveal-rate').hidden = countIn(state.ratings) >= state.deck.length;
    $('reveal-result').hidden = state.result === null;
  }

  function renderWatch() {
    const rated = countIn(state.ratings);
    $('watch-rate').hidden = rated >= state.deck.length;
    $('watch-ratings').hidden = rated < state.deck.length;
  }

  function svg(name, attributes, parent) {
    const element = document.createElementNS(SVG_NS, name);
    for (const key of Object.keys(attributes))
      element.setAttribute(key, String(attributes[key]));
    parent.appendChild(element);
    return element;
  }

  /* The chart as the app draws it, small, with this participant's dot
   * alone: management across, leadership up, both from 0 to 100, split at
   * the threshold; the quadrant the dot is in is shaded. */
  function drawChart(chart, result) {
    const split = result.threshold;
    const highLeadership = result.quadrant === 'balanced' || result.quadrant === 'leadership-driven';
    const highManagement = result.quadrant === 'balanced' || result.quadrant === 'management-driven';
    chart.replaceChildren();
    svg('rect', { class: 'plot', x: 0, y: 0, width: 100, height: 100 }, chart);
    svg('rect', {
      class: 'mine',
      x: highManagement ? split : 0,
      y: highLeadership ? 0 : 100 - split,
      width: highManagement ? 100 - split : split,
      height: highLeadership ? 100 - split : split,
    }, chart);
    svg('line', { class: 'split', x1: split, y1: 0, x2: split, y2: 100 }, chart);
    svg('line', { class: 'split', x1: 0, y1: 100 - split, x2: 100, y2: 100 - split }, chart);
    svg('rect', { class: 'frame', x: 0, y: 0, width: 100, height: 100 }, chart);
    /* The labels stay clear of a dot on the edge (0 or 100), whose ring
     * reaches 6.25 units out. */
    const across = svg('text', { class: 'axis', x: 50, y: 117, 'text-anchor': 'middle' }, chart);
    across.textContent = t('management') + ' →';
    const up = svg('text', { class: 'axis', x: -50, y: -11, 'text-anchor': 'middle',
      transform: 'rotate(-90)' }, chart);
    up.textContent = t('leadership') + ' →';
    svg('circle', { class: 'dot', cx: result.management, cy: 100 - result.leadership, r: 5 },
      chart);
  }

  function renderResult() {
    const result = answersOpen() ? state.result : null;
    $('result-later').hidden = answersOpen();
    $('result').hidden = result === null;
    if (result === null)
      return;
    const advice = ADVICE[result.quadrant];
    const leadership = SCORE_FORMAT.format(result.leadership);
    const management = SCORE_FORMAT.format(result.management);
    $('result-quadrant').textContent = advice.name;
    $('result-leadership').textContent = leadership;
    $('result-management').textContent = management;
    $('result-summary').textContent = advice.summary;
    $('result-tip-heading').textContent = advice.heading;
    const steps = $('result-steps');
    steps.replaceChildren();
    for (const step of advice.steps) {
      const item = document.createElement('li');
      item.textContent = step;
      steps.appendChild(item);
    }
    const chart = $('result-chart');
    chart.setAttribute('aria-label', t('resultChart',
      { leadership: leadership, management: management, quadrant: advice.name }));
    chart.dataset.quadrant = result.quadrant;
    drawChart(chart, result);
  }

  function render() {
    const view = chooseView();
    const notice = $('name-notice');
    $('who').textContent = state.token && state.name ? t('youAre', { name: state.name }) : '';
    /* A name the phone was given, not one it typed: said where it shows. */
    notice.hidden = !(state.token && state.name && state.names === 'generated');
    notice.textContent = notice.hidden ? '' : t('yourName', { name: state.name });
    const refused = state.token ? state.notice : '';
    $('notice').hidden = refused === '';
    /* Only when it changes: an alert written again is read out again. */
    if ($('notice').textContent !== refused)
      $('notice').textContent = refused;
    /* Not even hidden: before reflect the key is nowhere in the page. */
    if (!answersOpen())
      $('reveal-list').replaceChildren();

    if (view === 'join') {
      const generated = state.names === 'generated';
      $('join-error').textContent = state.message;
      $('join-name-fields').hidden = generated;
      $('join-generated').hidden = !generated;
    } else if (view === 'sort') {
      renderSort();
    } else if (view === 'rate') {
      renderRate();
    } else if (view === 'reveal') {
      renderReveal();
    } else if (view === 'watch') {
      renderWatch();
    } else if (view === 'done') {
      $('done-reveal').hidden = !(state.revealed && answersOpen());
      $('done-sort').hidden = state.phase !== 'sort';
      renderResult();
    }
    show(view);
    renderNetwork();
  }

  /* Taps */

  function sortCard(side) {
    const deck = state.deck;
    queue('sort', deck[state.sortIndex].id, side);
    if (state.reviewing) {
      if (state.sortIndex + 1 < deck.length) {
        state.sortIndex++;
      } else {
        state.reviewing = false;
        state.view = null;
      }
    } else {
      const next = firstMissing(state.sort, state.sortIndex + 1);
      if (next >= 0)
        state.sortIndex = next;
      else
        state.view = null;
    }
    render();
  }

  function rateCard(rating) {
    const deck = state.deck;
    queue('ratings', deck[state.rateIndex].id, rating);
    if (state.reviewing) {
      if (state.rateIndex + 1 < deck.length) {
        state.rateIndex++;
      } else {
        state.reviewing = false;
        state.view = null;
      }
    } else {
      const next = firstMissing(state.ratings, state.rateIndex + 1);
      if (next >= 0) {
        state.rateIndex = next;
      } else {
        state.view = null;
      }
    }
    render();
  }

  function openView(view, reviewing) {
    state.notice = ''; /* read: the person goes on */
    state.view = view;
    state.reviewing = reviewing;
    if (view === 'sort')
      state.sortIndex = reviewing ? 0 : Math.max(0, firstMissing(state.sort, 0));
    if (view === 'rate')
      state.rateIndex = reviewing ? 0 : Math.max(0, firstMissing(state.ratings, 0));
    render();
  }

  function translatePage() {
    document.documentElement.lang = LANG;
    for (const element of document.querySelectorAll('[data-i18n]'))
      element.textContent = t(element.dataset.i18n);
    for (const button of document.querySelectorAll('#rate-buttons .choice')) {
      const n = Number(button.dataset.rating);
      let label = t('ratingLabel', { n: n });
      if (n === 1)
        label += ', ' + t('rarely');
      else if (n === 5)
        label += ', ' + t('almostAlways');
      button.setAttribute('aria-label', label);
    }
  }

  function init() {
    translatePage();
    restore();

    /* A scanned QR code carries the join code in the fragment; take it
     * and drop it from the address bar and the history. */
    const hash = decodeURIComponent(location.hash.replace(/^#/, '')).replace(/^code=/, '');
    if (/^[A-Za-z0-9 -]{6,9}$/.test(hash))
      $('join-code').value = hash.toUpperCase();
    if (location.hash)
      history.replaceState(null, '', location.pathname);

    $('join-anonymous').addEventListener('change', function () {
      $('join-name').disabled = this.checked;
    });
    $('join-form').addEventListener('submit', join);

    for (const button of document.querySelectorAll('#view-sort .choice')) {
      button.addEventListener('click', function () { sortCard(button.dataset.side); });
    }
    for (const button of document.querySelectorAll('#rate-buttons .choice')) {
      button.addEventListener('click', function () { rateCard(Number(button.dataset.rating)); });
    }
    $('sort-back').addEventListener('click', function () {
      state.view = 'sort';
      state.sortIndex = Math.max(0, state.sortIndex - 1);
      render();
    });
    $('rate-back').addEventListener('click', function () {
      state.view = 'rate';
      state.rateIndex = Math.max(0, state.rateIndex - 1);
      render();
    });
    $('wait-rate').addEventListener('click', function () { openView('rate', false); });
    $('wait-sort').addEventListener('click', function () { openView('sort', true); });
    $('reveal-rate').addEventListener('click', function () { openView('rate', false); });
    $('watch-rate').addEventListener('click', function () { openView('rate', false); });
    $('watch-ratings').addEventListener('click', function () { openView('rate', true); });
    $('reveal-result').addEventListener('click', function () { openView('done', false); });
    $('done-reveal').addEventListener('click', function () { openView('reveal', false); });
    $('done-sort').addEventListener('click', function () { openView('sort', true); });
    $('done-rate').addEventListener('click', function () { openView('rate', true); });

    window.addEventListener('online', function () {
      retryNow();
      if (state.token && !state.pollTimer)
        poll();
    });
    window.addEventListener('offline', function () { setNetwork('offline'); });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && state.token) {
        retryNow();
        poll();
      }
    });

    loadRoom();
    if (state.token) {
      start();
    } else {
      render();
      if (!$('join-code').value)
        $('join-code').focus();
      else
        $('join-name').focus();
    }
  }

  init();
})();
