// test-room-page.mjs
//
// Copyright 2026 The Two Hats authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The participant page in a real headless Chromium at 360×740 (a small
// phone), against the real `two-hats --host`: join, sort every card, rate
// every card, survive a reload and a dropped network, and find every
// answer in the session file; then in German, against a host that runs in
// German too; and a room that is busy for a moment (429), which the page
// waits out by itself, saying so in both languages; and the German page
// in the dark scheme with the keyboard alone.  Every screenshot is also an
// axe-core audit of that step (WCAG 2 A and AA; any violation fails).
// The phones are phone.mjs's: Chromium driven over the DevTools protocol.
// Screenshots go to build/tests/room-screens/.
//
// Exit status: 0 pass, 1 fail, 77 skip (Chromium or the de_DE.UTF-8
// locale not installed).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  SLOW, fail, findChromium, log, openPage, removeTree, sleep, startBrowser,
} from './phone.mjs';

const SKIP = 77;
const buildDir = process.env.G_TEST_BUILDDIR || path.resolve('build/tests');
const srcDir = process.env.G_TEST_SRCDIR || path.resolve('tests');
const twoHats = path.join(buildDir, '..', 'src', 'two-hats');
// The same program with the build tree's catalogue (po/de.po compiled) as
// its LOCALEDIR: tests/cli/uninstalled/meson.build.
const twoHatsUninstalled = path.join(buildDir, 'cli', 'uninstalled', 'two-hats');
// What a German desktop session sets.
const GERMAN = { LANGUAGE: 'de', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };
const deckPath = path.join(srcDir, '..', 'data', 'decks', 'leadership-management.json');
const screens = path.join(buildDir, 'room-screens');

const chromium = findChromium();
if (!chromium) {
  console.log('Chromium is not installed (apt-get install chromium; tools/deps --tests does)');
  process.exit(SKIP);
}
const locales = spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout || '';
if (!/^de_DE\.utf-?8$/im.test(locales)) {
  console.log('the de_DE.UTF-8 locale is not installed (tools/deps --tests generates it)');
  process.exit(SKIP);
}

// `two-hats --host` (@program, in the environment @env, with the options
// @more) on 127.0.0.1; what it says on stderr is kept in host.stderr().
function startHost(sessionPath, program = twoHats, env = process.env, more = []) {
  const host = spawn(program, ['--host', '--bind=127.0.0.1', '--port=0', ...more, sessionPath],
    { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  host.stderr.on('data', (chunk) => {
    errors += chunk.toString();
    for (const line of chunk.toString().split('\n').filter((l) => l !== ''))
      console.log('# host:', line);
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('two-hats --host printed nothing')),
      10000 * SLOW);
    host.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const url = /^join-url: (.*)$/m.exec(output);
      const code = /^join-code: (.*)$/m.exec(output);
      if (url && code) {
        clearTimeout(timer);
        resolve({ host, url: url[1], code: code[1], stderr: () => errors });
      }
    });
    host.on('exit', (status) => reject(new Error('two-hats --host exited with ' + status)));
  });
}

function readSession(sessionPath) {
  return JSON.parse(fs.readFileSync(sessionPath, 'utf8'));
}

async function waitForFile(sessionPath, check, what) {
  const deadline = Date.now() + 20000 * SLOW;
  for (;;) {
    let session = null;
    try {
      session = readSession(sessionPath);
    } catch (e) {
      // Cannot happen with atomic saves; report it if it does.
      fail('the session file did not parse: ' + e.message);
    }
    if (check(session))
      return session;
    if (Date.now() > deadline)
      fail('timed out waiting for the file to hold ' + what);
    await sleep(100);
  }
}

// The English run: join by scanning (code in the URL), sort everything
// (with a reload and an outage in the middle), rate everything.
async function englishRun(cdp, room, sessionPath, deck) {
  const page = await openPage(cdp, 'en', 'en-US', screens);
  const name = 'Zoë <b>&amp;</b> "Lee"';
  const sorted = {};
  const rated = {};

  await page.navigate(room.url + '#' + room.code);
  await page.waitForView('join');
  if (await page.evaluate('location.hash') !== '')
    fail('the join code stayed in the address bar');
  if (await page.evaluate('document.getElementById("join-code").value') !== room.code)
    fail('the code from the QR URL was not filled in');
  if (await page.evaluate('document.querySelector("#view-join h1").textContent') !==
      'Join the workshop')
    fail('the English join heading is wrong');
  await page.type('#join-name', name);
  await page.screenshot('01-join');
  await page.noHorizontalScroll();
  await page.tap('#join-button');
  await page.waitForView('sort');

  // Names are text, never markup.
  if (await page.evaluate('document.getElementById("who").textContent') !== 'You are ' + name)
    fail('the name is not shown as text');
  if (!(await page.evaluate('document.getElementById("name-notice").hidden')))
    fail('a typed name is announced as a given one');
  if (await page.evaluate('document.querySelector("#who b, #who *") !== null'))
    fail('the name was rendered as HTML');
  // Each language names the sides in its own words (a German word once
  // leaked into the English page).
  if (await page.evaluate('document.getElementById("sort-leadership").textContent') !==
      'Leadership')
    fail('en: the leadership button');
  await page.screenshot('02-sort');
  await page.noHorizontalScroll();

  for (let step = 0; step < deck.behaviours.length + 5; step++) {
    if (await page.view() !== 'sort')
      break;
    const id = await page.evaluate('document.getElementById("sort-text").dataset.id');
    const index = deck.behaviours.findIndex((b) => b.id === id);
    if (index < 0)
      fail('the card shows an unknown behaviour ' + id);
    const text = await page.evaluate('document.getElementById("sort-text").textContent');
    if (text !== deck.behaviours[index].text)
      fail('the card shows the wrong text for ' + id);
    const side = index % 3 === 0 ? 'management' : 'leadership';
    sorted[id] = side;
    await page.tap('#sort-' + side);
    await page.waitFor(`document.body.dataset.view !== 'sort' || ` +
      `document.getElementById("sort-text").dataset.id !== ${JSON.stringify(id)}`, 'the next card');

    if (Object.keys(sorted).length === 5) {
      // A reload keeps the token and the place.
      await page.waitFor('document.getElementById("net").dataset.state === "saved"', 'saved');
      await page.reload();
      await page.waitForView('sort');
      const count = await page.evaluate('document.getElementById("sort-count").textContent');
      if (count !== `5 of ${deck.behaviours.length} sorted`)
        fail('after a reload the progress reads ' + count);
    }

    if (Object.keys(sorted).length === 10) {
      // The Wi-Fi drops: answers queue, the page says so, then they go.
      await page.send('Network.emulateNetworkConditions',
        { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    if (Object.keys(sorted).length === 12) {
      await page.waitFor('document.getElementById("net").dataset.state === "offline"',
        'the offline notice');
      const notice = await page.evaluate('document.getElementById("net").textContent');
      if (notice !== 'Offline — will retry')
        fail('the offline notice reads ' + notice);
      await page.screenshot('03-offline');
      await page.send('Network.emulateNetworkConditions',
        { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await page.waitFor('document.getElementById("net").dataset.state === "saved"',
        'the queued answers to be saved', 40000 * SLOW);
    }
  }

  if (Object.keys(sorted).length !== deck.behaviours.length)
    fail(`sorted ${Object.keys(sorted).length} of ${deck.behaviours.length} cards`);
  await page.waitForView('wait');
  await page.screenshot('04-all-sorted');
  await page.tap('#wait-rate');
  await page.waitForView('rate');
  await page.screenshot('05-rate');
  await page.noHorizontalScroll();

  for (let step = 0; step < deck.behaviours.length + 5; step++) {
    if (await page.view() !== 'rate')
      break;
    const id = await page.evaluate('document.getElementById("rate-text").dataset.id');
    const index = deck.behaviours.findIndex((b) => b.id === id);
    const rating = 1 + (index % 5);
    rated[id] = rating;
    await page.tap(`#rate-buttons [data-rating="${rating}"]`);
    await page.waitFor(`document.body.dataset.view !== 'rate' || ` +
      `document.getElementById("rate-text").dataset.id !== ${JSON.stringify(id)}`, 'the next card');
  }
  if (Object.keys(rated).length !== deck.behaviours.length)
    fail(`rated ${Object.keys(rated).length} of ${deck.behaviours.length} cards`);

  await page.waitForView('done');
  await page.waitFor('document.getElementById("net").dataset.state === "saved"', 'saved');
  // Finished, but the key is not out: no position yet, and the page says
  // when it comes.
  await expectPositionLater(page,
    'Your position on the chart appears here once the group has gone through the answers.');
  await page.screenshot('06-done');

  // Every answer is in the file, exactly as tapped.
  const session = await waitForFile(sessionPath, (s) => {
    const p = s.participants.find((x) => x.name === name);
    return p && Object.keys(p.sort || {}).length === deck.behaviours.length &&
      Object.keys(p.ratings || {}).length === deck.behaviours.length;
  }, 'every answer');
  const participant = session.participants.find((x) => x.name === name);
  for (const id of Object.keys(sorted)) {
    if (participant.sort[id] !== sorted[id])
      fail(`sort of ${id}: file has ${participant.sort[id]}, tapped ${sorted[id]}`);
    if (participant.ratings[id] !== rated[id])
      fail(`rating of ${id}: file has ${participant.ratings[id]}, tapped ${rated[id]}`);
  }
  log(`en: ${Object.keys(sorted).length} sorts and ${Object.keys(rated).length} ratings ` +
    'in the file');

  const shots = { watch: '06b-watch', answers: '06d-answers' };
  await followPhases(page, deck, sorted, rated, name, shots, {
    words: ENGLISH,
    result: { leadership: 75, management: 25, quadrant: 'leadership-driven', threshold: 50 },
    button: 'See my position',
    quadrant: 'Leadership-driven',
    leadership: '75.0',
    management: '25.0',
    heading: 'Practise the management hat',
    step: 'Turn your next idea into a plan of three to five steps, each with an owner and a date.',
    label: 'Your dot on the chart: leadership 75.0, management 25.0, Leadership-driven.',
    screenshot: '06c-position',
  });
  return page;
}

// Before the answers are open (reflect) a finished phone shows no
// position (the scores would give the key away) but says when it comes.
async function expectPositionLater(page, text) {
  const shown = await page.evaluate(`(() => {
    const later = document.getElementById('result-later');
    return { later: later.hidden ? null : later.textContent,
             result: !document.getElementById('result').hidden };
  })()`);
  if (shown.later !== text)
    fail(`${page.name}: before the reveal the page reads ${JSON.stringify(shown.later)}`);
  if (shown.result)
    fail(`${page.name}: a position is shown before the reveal`);
}

// The participant's position once the key is out: the page shows what
// the room's GET /api/me carries in "result" (test-room-server's result
// test checks the numbers the server works out), with the quadrant's name
// and next steps in the page's language.
async function expectPosition(page, position) {
  await page.waitFor('!document.getElementById("result").hidden', 'the position');
  const shown = await page.evaluate(`(() => {
    const text = (id) => document.getElementById(id).textContent;
    const dot = document.querySelector('#result-chart .dot');
    return {
      later: !document.getElementById('result-later').hidden,
      quadrant: text('result-quadrant'),
      leadership: text('result-leadership'),
      management: text('result-management'),
      heading: text('result-tip-heading'),
      steps: Array.from(document.querySelectorAll('#result-steps li')).map((li) => li.textContent),
      label: document.getElementById('result-chart').getAttribute('aria-label'),
      dots: document.querySelectorAll('#result-chart circle').length,
      cx: dot && Number(dot.getAttribute('cx')),
      cy: dot && Number(dot.getAttribute('cy')),
      markup: document.querySelector('#result-steps li *, #result-quadrant *') !== null,
    };
  })()`);
  const expected = {
    later: false,
    quadrant: position.quadrant,
    leadership: position.leadership,
    management: position.management,
    heading: position.heading,
    label: position.label,
    dots: 1,
    cx: position.result.management,
    cy: 100 - position.result.leadership,
    markup: false,
  };
  for (const [key, value] of Object.entries(expected)) {
    if (shown[key] !== value)
      fail(`${page.name}: the position's ${key} is ${JSON.stringify(shown[key])}, ` +
        `expected ${JSON.stringify(value)}`);
  }
  if (shown.steps.length !== 3 || shown.steps[0] !== position.step)
    fail(`${page.name}: the next steps read ${JSON.stringify(shown.steps)}`);
}

// The page's words the reveal tests look for (app.js), in each language.
const ENGLISH = {
  watchHeading: 'Watch the big screen',
  articleSays: 'The article:',
  changeSort: 'Change my sorting',
  changeRatings: 'Change my ratings',
  rateNow: 'Rate yourself now',
  seeAnswers: 'See the answers',
  sortClosed: 'Your change to the sorting was not saved: the sorting is closed because the ' +
    'answers have been shown. Your ratings can still change.',
};
const GERMAN_WORDS = {
  watchHeading: 'Schau auf die Leinwand',
  articleSays: 'Der Artikel:',
  changeSort: 'Sortierung ändern',
  changeRatings: 'Einschätzung ändern',
  rateNow: 'Jetzt selbst einschätzen',
  seeAnswers: 'Auflösung ansehen',
  sortClosed: 'Deine Änderung an der Sortierung wurde nicht gespeichert: Die Sortierung ist ' +
    'geschlossen, weil die Auflösung schon gezeigt wurde. Deine Einschätzung kannst du weiter ' +
    'ändern.',
};

// What the key is made of, none of which a phone may show before the
// answers are open: the article's reason for each card.
function whyTexts(deck) {
  return deck.behaviours.map((b) => b.why).filter((why) => typeof why === 'string' && why !== '');
}

// The page during the reveal: the watch-the-big-screen view, the key
// nowhere in the page (not even hidden), no way to sort again, and only
// the buttons @buttons (by their text) to tap.
async function expectWatch(page, deck, words, buttons) {
  await page.waitForView('watch');
  const shown = await page.evaluate(`(() => {
    const visible = (e) => e.offsetParent !== null;
    return {
      heading: document.querySelector('#view-watch h1').textContent,
      html: document.documentElement.outerHTML,
      answers: document.querySelectorAll('#reveal-list li').length,
      buttons: Array.from(document.querySelectorAll('button')).filter(visible)
        .map((b) => b.textContent),
    };
  })()`);
  if (shown.heading !== words.watchHeading)
    fail(`${page.name}: the reveal reads ${JSON.stringify(shown.heading)}`);
  if (shown.answers !== 0)
    fail(`${page.name}: ${shown.answers} answers are in the page during the reveal`);
  for (const why of whyTexts(deck)) {
    if (shown.html.includes(why))
      fail(`${page.name}: during the reveal the page holds the key: ${JSON.stringify(why)}`);
  }
  if (shown.html.includes(words.articleSays))
    fail(`${page.name}: during the reveal the page says what the article says`);
  if (JSON.stringify(shown.buttons) !== JSON.stringify(buttons))
    fail(`${page.name}: during the reveal the page offers ${JSON.stringify(shown.buttons)}, ` +
      `expected ${JSON.stringify(buttons)}`);
  await page.noHorizontalScroll();
}

// The first card whose side the answers @sent would change from @saved,
// or null.
function changedCard(sent, saved) {
  for (const [id, side] of Object.entries(sent.sort || {})) {
    if ((saved[id] || null) !== side)
      return id;
  }
  return null;
}

// Stands in for the facilitator's app (see followPhases): /api/state
// says state.phase, /api/deck sends the deck with its key from the reveal
// on, /api/me the answers @sorted and @rated (and @result), and, while
// state.refuse is set, /api/answers refuses a sort that changes a card,
// as the room does once the sorting is closed (test-room-server's
// sort-closed test checks the room itself).  Returns that state, to be
// changed as the workshop goes on.
async function standIn(page, deck, name, sorted, rated, result) {
  const state = { phase: 'sort', refuse: false, refused: 0, polls: 0 };
  page.cdp.on(async (message) => {
    if (message.sessionId !== page.sessionId || message.method !== 'Fetch.requestPaused')
      return;
    const url = message.params.request.url;
    let body = null;
    let status = 200;
    if (url.endsWith('/api/state')) {
      state.polls++;
      body = { phase: state.phase, locked: false, title: 'Page test', participant: 'p1', name,
        status: 'finished' };
    } else if (url.endsWith('/api/deck')) {
      const revealed = state.phase !== 'sort';
      body = { title: deck.title, language: deck.language, phase: state.phase, revealed,
        behaviours: deck.behaviours.map((b) => revealed
          ? { id: b.id, text: b.text, key: b.key, why: b.why } : { id: b.id, text: b.text }) };
    } else if (url.endsWith('/api/me')) {
      body = { participant: 'p1', name, status: 'finished', sort: sorted, ratings: rated };
      if (result && state.phase !== 'sort')
        body.result = result;
    } else if (url.endsWith('/api/answers') && state.refuse &&
        changedCard(JSON.parse(message.params.request.postData || '{}'), sorted) !== null) {
      // As the room does: only a sort that changes a card is refused.
      const id = changedCard(JSON.parse(message.params.request.postData), sorted);
      state.refused++;
      status = 400;
      body = { error: `sort.${id}: the sorting is closed because the key has been shown; ` +
        'only ratings can still change.', reason: 'sort-closed' };
    }
    if (body === null) {
      await page.send('Fetch.continueRequest', { requestId: message.params.requestId });
      return;
    }
    await page.send('Fetch.fulfillRequest', {
      requestId: message.params.requestId,
      responseCode: status,
      responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
      body: Buffer.from(JSON.stringify(body)).toString('base64'),
    });
  });
  await page.send('Fetch.enable', { patterns: [{ urlPattern: '*/api/state' },
    { urlPattern: '*/api/deck' }, { urlPattern: '*/api/me' }, { urlPattern: '*/api/answers' }] });
  return state;
}

// A tap, or with @keyboard Tab to it and Enter.
async function activate(page, selector, keyboard) {
  if (keyboard) {
    await page.tabTo(selector);
    await page.press('Enter');
  } else {
    await page.tap(selector);
  }
}

// The page follows the facilitator's phase by polling /api/state.  The
// command-line host has nobody to move the phase, so the browser's own
// network layer stands in for the facilitator's app here (standIn); the
// server side of what it answers is test-room-server's deck-reveal,
// result and sort-closed tests.
//
// First a sort that comes too late: the page still shows the sorting
// (its last poll said so) but the room has closed it; the page says so in
// plain words and takes the room's answers back.  Then the reveal, which
// is the big screen's: the phone points there and holds no key.  Then
// reflect: the position, and the answers, card by card.
async function followPhases(page, deck, sorted, rated, name, screenshots, position,
  keyboard = false) {
  const words = position.words;
  const facilitator = await standIn(page, deck, name, sorted, rated, position.result);

  // Nothing on its way that the refusal could catch but the one tap.
  await page.waitFor('document.getElementById("net").dataset.state === "saved"',
    'every answer saved');
  facilitator.refuse = true;
  await activate(page, '#done-sort', keyboard);
  await page.waitForView('sort');
  const first = await page.evaluate('document.getElementById("sort-text").dataset.id');
  const other = sorted[first] === 'leadership' ? 'management' : 'leadership';
  await activate(page, '#sort-' + other, keyboard);
  await page.waitFor('!document.getElementById("notice").hidden', 'the sort refused');
  const notice = await page.evaluate('document.getElementById("notice").textContent');
  if (notice !== words.sortClosed)
    fail(`${page.name}: the refused sort reads ${JSON.stringify(notice)}`);
  if (facilitator.refused !== 1)
    fail(`${page.name}: the page sent the refused sort ${facilitator.refused} times`);
  // The room's side is back on that card.
  await activate(page, '#sort-back', keyboard);
  await page.waitFor(`document.getElementById("sort-text").dataset.id === ${JSON.stringify(first)}`,
    'the refused card again');
  await page.waitFor(`document.getElementById("sort-${sorted[first]}")` +
    '.getAttribute("aria-pressed") === "true"', 'the saved side back on the refused card');
  if (await page.evaluate(`document.getElementById("sort-${other}").getAttribute("aria-pressed")`)
      !== 'false')
    fail(`${page.name}: the refused side still shows as chosen`);

  // The reveal, within a poll or two (every 2 s).  Everything is rated:
  // the phone offers only to change the ratings, and the notice stays
  // until the person goes on.
  facilitator.phase = 'reveal';
  await page.waitFor('document.body.dataset.view === "watch"', 'the reveal', 15000 * SLOW);
  await expectWatch(page, deck, words, [words.changeRatings]);
  if (await page.evaluate('document.getElementById("notice").textContent') !== words.sortClosed)
    fail(`${page.name}: the notice of the refused sort went away by itself`);
  await page.screenshot(screenshots.watch);
  // And still after the next two polls: the page stays where it is.
  const polls = facilitator.polls;
  const deadline = Date.now() + 15000 * SLOW;
  while (facilitator.polls < polls + 2) {
    if (Date.now() > deadline)
      fail(`${page.name}: the page stopped polling during the reveal`);
    await sleep(50);
  }
  await expectWatch(page, deck, words, [words.changeRatings]);

  // Reflect: everything is rated already, so the page goes to its
  // thank-you by itself, with the position, and offers the answers.
  facilitator.phase = 'reflect';
  await page.waitFor('document.body.dataset.view === "done"', 'done after reflect',
    15000 * SLOW);
  await expectPosition(page, position);
  const offered = await page.evaluate(`Array.from(document.querySelectorAll('button'))
    .filter((b) => b.offsetParent !== null).map((b) => b.textContent)`);
  if (offered.includes(words.changeSort) || !offered.includes(words.seeAnswers))
    fail(`${page.name}: after the reveal the page offers ${JSON.stringify(offered)}`);
  await page.screenshot(position.screenshot);
  await page.noHorizontalScroll();
  // The next steps, further down on a phone.
  await page.evaluate('document.getElementById("result-steps").scrollIntoView({ block: "end" })');
  await page.screenshot(position.screenshot + '-steps');

  // The answers, card by card, with the article's reasons.
  await activate(page, '#done-reveal', keyboard);
  await page.waitForView('reveal');
  await page.waitFor(`document.querySelectorAll('#reveal-list li').length === ${deck.behaviours.length}`,
    'the revealed cards');
  const items = await page.evaluate(`Array.from(document.querySelectorAll('#reveal-list li'))
    .map((li) => ({ text: li.querySelector('.text').textContent,
                    match: li.querySelector('.match') !== null,
                    miss: li.querySelector('.miss') !== null,
                    why: (li.querySelector('.why') || {}).textContent }))`);
  deck.behaviours.forEach((b, i) => {
    if (items[i].text !== b.text)
      fail('reveal: card ' + i + ' shows the wrong text');
    const right = sorted[b.id] === b.key;
    if (items[i].match !== right || items[i].miss === right)
      fail(`reveal: ${b.id} is marked ${items[i].match ? 'right' : 'wrong'}`);
    if (b.why && items[i].why !== b.why)
      fail('reveal: ' + b.id + ' lacks its why');
  });
  await page.screenshot(screenshots.answers);
  await page.noHorizontalScroll();

  // From the answers back to the position.
  await page.waitFor('!document.getElementById("reveal-result").hidden', 'the position button');
  const button = await page.evaluate('document.getElementById("reveal-result").textContent');
  if (button !== position.button)
    fail(`${page.name}: the position button reads ${JSON.stringify(button)}`);
  await activate(page, '#reveal-result', keyboard);
  await page.waitForView('done');
  await expectPosition(page, position);
  await page.send('Fetch.disable');
  // The refused sort was logged by the browser as a failed request: ours.
  page.problems = page.problems.filter((p) => !/ 400 /.test(p));
}

// A phone that has not rated yet when the reveal comes: it points to the
// big screen, holds no key, and still lets its owner rate.
async function watchUnrated(page, deck, name, sorted, words, screenshot) {
  const facilitator = await standIn(page, deck, name, sorted, {}, null);
  facilitator.phase = 'reveal';
  await page.waitFor('document.body.dataset.view === "watch"', 'the reveal', 15000 * SLOW);
  await expectWatch(page, deck, words, [words.rateNow]);
  await page.screenshot(screenshot);
  await page.tap('#watch-rate');
  await page.waitForView('rate');
  await page.send('Fetch.disable');
}

// The German run: the texts, and staying anonymous, against a host that
// runs in German itself.  The page's own words are its own (app.js); what
// the host adds comes from po/de.po, through main.c's bindtextdomain: the
// number an anonymous participant gets ("Participant %u" → "Person %u"),
// the server's error messages, and the host's lines on stderr.
async function germanRun(cdp, room, sessionPath, deck) {
  const page = await openPage(cdp, 'de', 'de-DE', screens);

  await page.navigate(room.url);
  await page.waitForView('join');
  const expected = {
    '#view-join h1': 'Am Workshop teilnehmen',
    'label[for="join-code"]': 'Beitrittscode',
    'label[for="join-name"]': 'Dein Name',
    '#join-button': 'Teilnehmen',
  };
  for (const [selector, text] of Object.entries(expected)) {
    const shown = await page.evaluate(`document.querySelector(${JSON.stringify(selector)}).textContent`);
    if (shown !== text)
      fail(`de: ${selector} reads "${shown}", expected "${text}"`);
  }
  if (await page.evaluate('document.documentElement.lang') !== 'de')
    fail('de: the page language is not de');

  // A wrong code first: the message is German and nobody joins.
  await page.type('#join-code', 'AAAAAA');
  await page.tap('label.check');
  if (!(await page.evaluate('document.getElementById("join-anonymous").checked')))
    fail('de: tapping "Anonym bleiben" did not tick it');
  await page.tap('#join-button');
  await page.waitFor('document.getElementById("join-error").textContent !== ""', 'an error');
  const error = await page.evaluate('document.getElementById("join-error").textContent');
  if (error !== 'Der Code stimmt nicht. Sieh auf der Leinwand nach.')
    fail('de: the wrong-code message reads ' + error);
  await page.screenshot('07-de-wrong-code');
  // The server's own words for that refusal, as the page's request gets
  // them: "That is not the join code." in po/de.po.
  const refusal = await page.evaluate(`fetch('/api/join', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: '{"code": "AAAAAA"}' })
    .then((r) => r.json().then((body) => r.status + ' ' + body.error))`);
  if (refusal !== '403 Das ist nicht der Beitrittscode.')
    fail('de: the server refused the wrong code with ' + refusal);
  // Those refusals were logged by the browser as failed requests (403): ours.
  page.problems = page.problems.filter((p) => !/403/.test(p));

  await page.evaluate('document.getElementById("join-code").value = ""');
  await page.type('#join-code', room.code.toLowerCase());
  await page.tap('#join-button');
  await page.waitForView('sort');
  const who = await page.evaluate('document.getElementById("who").textContent');
  if (who !== 'Du bist Person 1')
    fail('de: the anonymous participant reads ' + who);
  if (await page.evaluate('document.getElementById("sort-leadership").textContent') !==
      'Führung')
    fail('de: the leadership button');
  await page.screenshot('08-de-sort');

  const sortedOne = {
    [await page.evaluate('document.getElementById("sort-text").dataset.id')]: 'management' };
  await page.tap('#sort-management');
  await waitForFile(sessionPath, (s) => s.participants.some(
    (p) => p.name === 'Person 1' && Object.keys(p.sort || {}).length === 1),
  'the anonymous participant\'s first answer');

  // "two-hats: hosting “%s”; press Ctrl+C to stop\n" and
  // "two-hats: participant %s joined\n".
  const said = room.stderr();
  const hosting = `two-hats: Raum für „${sessionPath}“ ist geöffnet; zum Beenden Strg+C drücken\n`;
  if (!said.includes(hosting))
    fail('de: the host did not say it is hosting in German: ' + JSON.stringify(said));
  if (!said.includes('two-hats: p1 ist beigetreten\n'))
    fail('de: the host did not say who joined in German: ' + JSON.stringify(said));

  // The reveal comes before this phone has rated anything.
  await watchUnrated(page, deck, 'Person 1', sortedOne, GERMAN_WORDS, '08b-de-watch-unrated');
  return page;
}

// The German page without a pointer, in the dark scheme: every control
// is reached with Tab (with a visible focus ring) and used with Enter or
// Space, and every step is audited as the English run audits it in the
// light scheme; the answers given by keyboard are in the file.
async function keyboardRun(cdp, room, sessionPath, deck) {
  const page = await openPage(cdp, 'keyboard-de', 'de-DE', screens);
  const name = 'Tastatur';
  const sorted = {};
  const rated = {};
  await page.send('Emulation.setEmulatedMedia',
    { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });

  await page.navigate(room.url);
  await page.waitForView('join');
  await page.tabTo('#join-code');
  await page.send('Input.insertText', { text: room.code });
  await page.tabTo('#join-name');
  await page.send('Input.insertText', { text: name });
  // Space ticks "Anonym bleiben" (the name field goes quiet) and unticks it.
  await page.tabTo('#join-anonymous');
  await page.press(' ');
  if (!(await page.evaluate('document.getElementById("join-name").disabled')))
    fail('keyboard: Space did not tick "Anonym bleiben"');
  await page.press(' ');
  if (await page.evaluate('document.getElementById("join-name").disabled'))
    fail('keyboard: Space did not untick "Anonym bleiben"');
  await page.screenshot('20-de-dark-join');
  await page.tabTo('#join-button');
  await page.press('Enter');
  await page.waitForView('sort');
  await page.screenshot('21-de-dark-sort');

  const currentId = (view) => page.evaluate(`document.getElementById("${view}-text").dataset.id`);
  const nextCard = (view, id) => page.waitFor(`document.body.dataset.view !== '${view}' || ` +
    `document.getElementById("${view}-text").dataset.id !== ${JSON.stringify(id)}`,
  'the next card');

  for (let step = 0; step < deck.behaviours.length + 5; step++) {
    if (await page.view() !== 'sort')
      break;
    const id = await currentId('sort');
    const index = deck.behaviours.findIndex((b) => b.id === id);
    const side = index % 2 === 0 ? 'leadership' : 'management';
    sorted[id] = side;
    await page.tabTo('#sort-' + side);
    await page.press(step % 2 === 0 ? ' ' : 'Enter');
    await nextCard('sort', id);

    const count = Object.keys(sorted).length;
    if (count === 1) {
      // "Zurück" brings the first card back, its answer pressed.
      await page.tabTo('#sort-back');
      await page.press('Enter');
      await page.waitFor(`document.getElementById("sort-text").dataset.id === ${JSON.stringify(id)}`,
        'the first card again');
      if (await page.evaluate(`document.getElementById("sort-${side}").getAttribute("aria-pressed")`)
          !== 'true')
        fail('keyboard: back on the first card does not show its answer pressed');
      await page.screenshot('22-de-dark-back');
      await page.tabTo('#sort-' + side);
      await page.press('Enter');
      await nextCard('sort', id);
    }
    if (count === 3) {
      await page.send('Network.emulateNetworkConditions',
        { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    if (count === 4) {
      await page.waitFor('document.getElementById("net").dataset.state === "offline"',
        'the offline notice');
      await page.screenshot('23-de-dark-offline');
      await page.send('Network.emulateNetworkConditions',
        { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await page.waitFor('document.getElementById("net").dataset.state === "saved"',
        'the queued answers to be saved', 40000 * SLOW);
    }
  }
  if (Object.keys(sorted).length !== deck.behaviours.length)
    fail(`keyboard: sorted ${Object.keys(sorted).length} of ${deck.behaviours.length} cards`);

  await page.waitForView('wait');
  await page.screenshot('24-de-dark-wait');
  await page.tabTo('#wait-sort');
  await page.tabTo('#wait-rate', true);
  await page.press('Enter');
  await page.waitForView('rate');
  await page.screenshot('25-de-dark-rate');

  for (let step = 0; step < deck.behaviours.length + 5; step++) {
    if (await page.view() !== 'rate')
      break;
    const id = await currentId('rate');
    const index = deck.behaviours.findIndex((b) => b.id === id);
    const rating = 5 - (index % 5);
    rated[id] = rating;
    await page.tabTo(`#rate-buttons [data-rating="${rating}"]`);
    await page.press(step % 2 === 0 ? 'Enter' : ' ');
    await nextCard('rate', id);
    if (Object.keys(rated).length === 1) {
      await page.tabTo('#rate-back');
      await page.press(' ');
      await page.waitFor(`document.getElementById("rate-text").dataset.id === ${JSON.stringify(id)}`,
        'the first card to rate again');
      await page.tabTo(`#rate-buttons [data-rating="${rating}"]`);
      await page.press('Enter');
      await nextCard('rate', id);
    }
  }
  if (Object.keys(rated).length !== deck.behaviours.length)
    fail(`keyboard: rated ${Object.keys(rated).length} of ${deck.behaviours.length} cards`);
  await page.waitForView('done');
  await page.waitFor('document.getElementById("net").dataset.state === "saved"', 'saved');
  await expectPositionLater(page,
    'Deine Position im Diagramm erscheint hier, sobald ihr die Auflösung gemeinsam ' +
    'durchgegangen seid.');
  await page.screenshot('26-de-dark-done');
  await page.tabTo('#done-rate');

  // "Sortierung ändern" goes through the cards again from the first,
  // each with its answer pressed; Enter on that answer keeps it.
  await page.tabTo('#done-sort', true);
  await page.press('Enter');
  await page.waitForView('sort');
  for (let step = 0; step < deck.behaviours.length + 5; step++) {
    if (await page.view() !== 'sort')
      break;
    const id = await currentId('sort');
    await page.tabTo(`#sort-${sorted[id]}`);
    await page.press('Enter');
    await nextCard('sort', id);
  }
  await page.waitForView('done');

  const session = await waitForFile(sessionPath, (s) => {
    const p = s.participants.find((x) => x.name === name);
    return p && Object.keys(p.sort || {}).length === deck.behaviours.length &&
      Object.keys(p.ratings || {}).length === deck.behaviours.length;
  }, 'every answer given by keyboard');
  const participant = session.participants.find((x) => x.name === name);
  for (const id of Object.keys(sorted)) {
    if (participant.sort[id] !== sorted[id])
      fail(`keyboard: sort of ${id}: file has ${participant.sort[id]}, pressed ${sorted[id]}`);
    if (participant.ratings[id] !== rated[id])
      fail(`keyboard: rating of ${id}: file has ${participant.ratings[id]}, pressed ${rated[id]}`);
  }

  // Ratings that land here, as the server would say: leadership 100 × 4 / 12
  // and management 100 × 11 / 12 (docs/scores.md's Ben), shown as the
  // app's chart shows them, with one decimal (a comma in German).
  const shots = { watch: '27-de-dark-watch', answers: '29-de-dark-answers' };
  await followPhases(page, deck, sorted, rated, name, shots, {
    words: GERMAN_WORDS,
    result: { leadership: 100 * 4 / 12, management: 100 * 11 / 12, quadrant: 'management-driven',
      threshold: 50 },
    button: 'Meine Position ansehen',
    quadrant: 'Managementbetont',
    leadership: '33,3',
    management: '91,7',
    heading: 'Den Führungshut üben',
    step: 'Hör in deinen nächsten Einzelgesprächen mehr zu, als du redest, und gib wieder, ' +
      'was du gehört hast.',
    label: 'Dein Punkt im Diagramm: Führung 33,3, Management 91,7, Managementbetont.',
    screenshot: '28-de-dark-position',
  }, true);
  return page;
}

// Names the room refuses, in the page's own words; a room of one
// (--room-size=1) that a refused name does not fill; and a participant the
// facilitator removes: the page says so, forgets the answers and waits.
async function moderationRun(cdp, room) {
  const page = await openPage(cdp, 'moderation', 'en-US', screens);

  await page.navigate(room.url + '#' + room.code);
  await page.waitForView('join');
  const refusals = [
    ['Ana \u202Eevil', 'A name cannot contain characters that turn the text around.'],
    ['\u200B\u200B', 'A name needs at least one letter, digit or sign that shows.'],
    ['Participant 3',
      'Names like “Participant 3” are kept for people who join without a name. ' +
      'Choose another one.'],
  ];
  for (const [name, message] of refusals) {
    await page.evaluate('document.getElementById("join-error").textContent = ""; ' +
      'document.getElementById("join-name").value = ""');
    await page.type('#join-name', name);
    await page.tap('#join-button');
    await page.waitFor(`document.getElementById("join-error").textContent !== ""`,
      'the refusal of ' + JSON.stringify(name));
    const shown = await page.evaluate('document.getElementById("join-error").textContent');
    if (shown !== message)
      fail(`the refusal of ${JSON.stringify(name)} reads "${shown}"`);
    if (await page.view() !== 'join')
      fail(`${JSON.stringify(name)} joined`);
  }
  await page.screenshot('09-name-refused');
  // The server refused those (400): expected.
  page.problems = page.problems.filter((p) => !/ 400 /.test(p));

  await page.evaluate('document.getElementById("join-error").textContent = ""; ' +
    'document.getElementById("join-name").value = ""');
  await page.type('#join-name', 'Mo');
  await page.tap('#join-button');
  await page.waitForView('sort');
  await page.tap('#sort-leadership');
  await page.waitFor('document.getElementById("net").dataset.state === "saved"', 'saved');
  const full = await page.evaluate(`fetch('/api/join', { method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: ${JSON.stringify(room.code)}, name: 'Second' }) })
    .then((r) => r.json().then((body) => r.status + ' ' + body.reason))`);
  if (full !== '423 full')
    fail('a room of one took a second: ' + full);
  page.problems = page.problems.filter((p) => !/ 423 /.test(p));

  // The facilitator removes Mo: the next poll gets what the server sends
  // then (test-room-units' door/removed checks the server's side).
  page.cdp.on(async (message) => {
    if (message.sessionId !== page.sessionId || message.method !== 'Fetch.requestPaused')
      return;
    await page.send('Fetch.fulfillRequest', {
      requestId: message.params.requestId,
      responseCode: 401,
      responseHeaders: [{ name: 'Content-Type', value: 'application/json' },
        { name: 'WWW-Authenticate', value: 'Bearer' }],
      body: Buffer.from(JSON.stringify({ error: 'The facilitator removed you from the room.',
        reason: 'removed' })).toString('base64'),
    });
  });
  await page.send('Fetch.enable', { patterns: [{ urlPattern: '*/api/state' }] });
  await page.waitForView('join');
  const said = await page.evaluate('document.getElementById("join-error").textContent');
  if (said !== 'The facilitator removed you from the workshop, with your answers.')
    fail('after the removal the page reads ' + JSON.stringify(said));
  const kept = await page.evaluate(`JSON.parse(sessionStorage.getItem('two-hats-room'))`);
  if (kept.token !== null || Object.keys(kept.sort).length !== 0 ||
      Object.keys(kept.pending.sort).length !== 0 || Object.keys(kept.pending.ratings).length !== 0)
    fail('the removed page kept ' + JSON.stringify(kept));
  await page.screenshot('10-removed');
  await page.send('Fetch.disable');
  page.problems = page.problems.filter((p) => !/ 401 /.test(p));
  return page;
}

// A room whose facilitator switched on generated names and set a room of
// two, in the settings that `two-hats --host` reads: the page asks for no
// name, shows the phone the one it got, and the third join is refused.
async function generatedRun(cdp, room, sessionPath) {
  const page = await openPage(cdp, 'generated', 'en-US', screens);

  await page.navigate(room.url + '#' + room.code);
  await page.waitForView('join');
  await page.waitFor('document.getElementById("join-name-fields").hidden', 'no name field');
  if (await page.evaluate('document.getElementById("join-generated").hidden'))
    fail('generated names: the page does not say a name is coming');
  if (await page.evaluate('document.getElementById("join-generated").textContent') !==
      'You get a name when you join.')
    fail('generated names: the hint is wrong');
  await page.screenshot('11-generated-join');
  await page.tap('#join-button');
  await page.waitForView('sort');
  const who = await page.evaluate('document.getElementById("who").textContent');
  const match = /^You are (\S+ \S+)$/.exec(who);
  if (!match)
    fail('generated names: the page shows ' + JSON.stringify(who));
  const notice = await page.evaluate('document.getElementById("name-notice").textContent');
  if (notice !== `Your name in this workshop is ${match[1]}.` ||
      await page.evaluate('document.getElementById("name-notice").hidden'))
    fail('generated names: the notice reads ' + JSON.stringify(notice));
  await page.screenshot('12-generated-name');
  await waitForFile(sessionPath, (s) => s.participants.some((p) => p.name === match[1]),
    'the generated name ' + match[1]);

  const joins = await page.evaluate(`(async () => {
    const out = [];
    for (let i = 0; i < 2; i++) {
      const r = await fetch('/api/join', { method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: ${JSON.stringify(room.code)}, name: 'Typed' }) });
      const body = await r.json();
      out.push(r.status + ' ' + (body.reason || body.name));
    }
    return out;
  })()`);
  if (joins[0] === '200 Typed' || !/^200 \S+ \S+$/.test(joins[0]))
    fail('generated names: a second phone joined as ' + joins[0]);
  if (joins[1] !== '423 full')
    fail('a room of two took a third: ' + joins[1]);
  page.problems = page.problems.filter((p) => !/ 423 /.test(p));
  return page;
}

// The settings of the facilitator's app, as a keyfile `two-hats --host`
// reads through GSettings.
function settingsEnv(dir, settings) {
  const config = path.join(dir, 'config');
  fs.mkdirSync(path.join(config, 'glib-2.0', 'settings'), { recursive: true });
  fs.writeFileSync(path.join(config, 'glib-2.0', 'settings', 'keyfile'),
    '[io/github/twohats/TwoHats]\n' +
    Object.entries(settings).map(([key, value]) => `${key}=${value}\n`).join(''));
  return { ...process.env, GSETTINGS_BACKEND: 'keyfile', XDG_CONFIG_HOME: config };
}

function writeSession(sessionPath, title, deck) {
  fs.writeFileSync(sessionPath, JSON.stringify({
    format: 'two-hats-session', version: 1, title, deck, participants: [],
  }));
}

// Over the address's budget the room answers 429 with Retry-After: the
// page says that it is busy and tries again by itself, until it is in.
// The budget (240 requests saved up) is spent with wrong join codes from
// this address (node and Chromium both come from 127.0.0.1), each ten
// requests' worth, after the page has loaded.
const BUSY_TEXT = {
  en: 'The room is busy. Trying again in a moment…',
  de: 'Der Raum ist gerade ausgelastet. Gleich kommt ein neuer Versuch …',
};

async function busyRun(cdp, room, lang, locale) {
  const page = await openPage(cdp, 'busy-' + lang, locale, screens);

  await page.navigate(room.url + '#' + room.code);
  await page.waitForView('join');
  await page.type('#join-name', 'Patient ' + lang);

  let limited = false;
  for (let i = 0; i < 100 && !limited; i++) {
    const response = await fetch(room.url + 'api/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: room.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' }),
    });
    await response.arrayBuffer();
    if (response.status === 429) {
      if (!(Number(response.headers.get('Retry-After')) >= 1))
        fail(`${lang}: a 429 without Retry-After`);
      limited = true;
    } else if (response.status !== 403) {
      fail(`${lang}: a wrong code was answered ${response.status}`);
    }
  }
  if (!limited)
    fail(`${lang}: 100 wrong codes and the address was never told to wait`);

  // The budget refills while the page is tapped: wrong codes keep the
  // address over it until the page has said that it waits. Each wrong
  // code the room still reads sends the budget ten requests below empty,
  // half a second of refusals at the address's rate; the page is tapped
  // right after one, so its join meets a 429 however slow this machine
  // is, instead of slipping through a refill between two refusals.
  let keepBusy = true;
  let onAccepted = null;
  const spender = (async () => {
    while (keepBusy) {
      const response = await fetch(room.url + 'api/join', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: room.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' }),
      });
      await response.arrayBuffer();
      if (response.status === 429) {
        await sleep(5);
      } else if (onAccepted) {
        onAccepted();
        onAccepted = null;
      }
    }
  })();

  // One tap: the page waits, says so, and joins without another.
  try {
    await new Promise((resolve) => { onAccepted = resolve; });
    await page.tap('#join-button');
    await page.waitFor('document.getElementById("net").dataset.state === "busy"',
      'the busy notice');
  } finally {
    keepBusy = false;
    await spender;
  }
  const notice = await page.evaluate('document.getElementById("net").textContent');
  if (notice !== BUSY_TEXT[lang])
    fail(`${lang}: the busy notice reads "${notice}"`);
  await page.screenshot('10-busy-' + lang);
  await page.waitForView('sort');
  if (await page.evaluate('document.getElementById("net").dataset.state') === 'busy')
    fail(`${lang}: the busy notice stayed after joining`);
  // The browser logged the 429 it waited out: expected here.
  page.problems = page.problems.filter((p) => !/429/.test(p));
  return page;
}

// Stops a host with SIGTERM; TRUE when it stopped cleanly (status 0).
async function stopHost(room, name) {
  room.host.removeAllListeners('exit');
  if (room.host.exitCode !== null || room.host.signalCode !== null) {
    console.log(`not ok: ${name} had stopped already:`, room.host.exitCode, room.host.signalCode);
    return false;
  }
  const exited = new Promise((resolve) => room.host.on('exit', (code) => resolve(code)));
  room.host.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(5000 * SLOW).then(() => 'timeout')]);
  if (code !== 0) {
    console.log(`not ok: ${name} did not stop cleanly on SIGTERM:`, code);
    return false;
  }
  return true;
}

async function main() {
  fs.mkdirSync(screens, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-hats-page-'));
  const sessionPath = path.join(dir, 'page.twohats');
  const germanSessionPath = path.join(dir, 'seite.twohats');
  const generatedSessionPath = path.join(dir, 'names.twohats');
  const moderatedSessionPath = path.join(dir, 'moderated.twohats');
  const busySessionPath = path.join(dir, 'busy.twohats');
  const deck = JSON.parse(fs.readFileSync(deckPath, 'utf8'));
  delete deck.concepts;
  delete deck.sections;
  writeSession(sessionPath, 'Page test', deck);
  writeSession(germanSessionPath, 'Seitentest', deck);
  writeSession(generatedSessionPath, 'Generated names', deck);
  writeSession(moderatedSessionPath, 'Moderated', deck);
  writeSession(busySessionPath, 'Busy', deck);

  const hosts = [];
  const browser = startBrowser(chromium, path.join(dir, 'profile'));
  const cdp = browser.cdp;

  let status = 0;
  try {
    const room = await startHost(sessionPath);
    hosts.push([room, 'two-hats --host']);
    log('hosting at', room.url, 'code', room.code);
    const germanRoom = await startHost(germanSessionPath, twoHatsUninstalled,
      { ...process.env, ...GERMAN });
    hosts.push([germanRoom, 'the German two-hats --host']);
    log('hosting in German at', germanRoom.url, 'code', germanRoom.code);
    const generatedRoom = await startHost(generatedSessionPath, twoHats,
      settingsEnv(dir, { 'generated-names': 'true', 'room-size': '2' }));
    hosts.push([generatedRoom, 'two-hats --host with generated names']);
    const moderatedRoom = await startHost(moderatedSessionPath, twoHats, process.env,
      ['--room-size=1']);
    hosts.push([moderatedRoom, 'two-hats --host --room-size=1']);
    const busyRoom = await startHost(busySessionPath);
    hosts.push([busyRoom, 'two-hats --host (busy)']);

    const version = await cdp.send('Browser.getVersion');
    log('browser', version.product);
    const en = await englishRun(cdp, room, sessionPath, deck);
    const de = await germanRun(cdp, germanRoom, germanSessionPath, deck);
    const keyboard = await keyboardRun(cdp, germanRoom, germanSessionPath, deck);
    const moderated = await moderationRun(cdp, moderatedRoom);
    const generated = await generatedRun(cdp, generatedRoom, generatedSessionPath);
    const busyEn = await busyRun(cdp, busyRoom, 'en', 'en-US');
    const busyDe = await busyRun(cdp, busyRoom, 'de', 'de-DE');
    for (const page of [en, de, keyboard, moderated, generated, busyEn, busyDe]) {
      // The offline spell made the browser log failed fetches: expected.
      const problems = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));
      if (problems.length > 0)
        fail(`${page.name}: the browser reported: ${problems.join(' | ')}`);
    }
    log('ok: the page works at 360×740 in English and German');
  } catch (e) {
    console.log('not ok:', e.message);
    if (browser.errors())
      console.log('# chromium said:', browser.errors().split('\n').slice(-10).join('\n# '));
    status = 1;
  } finally {
    await browser.close();
    for (const [room, name] of hosts) {
      if (!(await stopHost(room, name)))
        status = 1;
    }
    removeTree(dir);
  }
  process.exit(status);
}

main().catch((e) => {
  console.log('not ok:', e.stack || e.message);
  process.exit(1);
});
