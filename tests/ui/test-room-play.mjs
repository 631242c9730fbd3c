// test-room-play.mjs
//
// Copyright 2026 The Two Hats authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A room played end to end against the app itself: the real `two-hats`
// window under Xvfb opens a workshop file and starts hosting from its menu
// with the keyboard (F10, Host This Workshop, Alt+S).  The join URL and
// code are read from the facilitator's screen (a screenshot of the display,
// its QR code decoded by zbarimg).  Phones in headless Chromium at 360×740
// scan that URL, join, sort and rate every card by touch; the facilitator
// watches the room list and the chart fill, then steps to Reveal and
// Reflect with the app's own phase buttons, and every phone follows: during
// the reveal it points to the big screen, from reflect on it shows its
// position and the answers.  At the
// end every tap is in the session file, and the chart on the window holds
// each participant in the quadrant their scores put them in.
//
// The window is read and operated through the accessibility bus
// (room-screen.py), as assistive technology does.  Screenshots of every
// step, of the phones and of the facilitator's screen, go to
// build/tests/room-play-screens/.
//
// The phones connect to the address the join screen shows, as real ones
// do, so the test runs in a network namespace of its own
// (tests/run-in-room-netns): there the app offers the namespace's "room
// network" address, which exists nowhere else, and no packet can leave the
// machine.  Run outside it, the test refuses to start.
//
// Exit status: 0 pass, 1 fail, 77 skip (a tool tools/deps --tests installs
// is missing).

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { fail, findChromium, log, openPage, removeTree, sleep, startBrowser } from '../room/phone.mjs';

const SKIP = 77;
const buildDir = process.env.G_TEST_BUILDDIR || path.resolve('build/tests');
const srcDir = process.env.G_TEST_SRCDIR || path.resolve('tests');
const twoHats = path.join(buildDir, '..', 'src', 'two-hats');
const deckPath = path.join(srcDir, '..', 'data', 'decks', 'leadership-management.json');
const screenScript = path.join(srcDir, 'ui', 'room-screen.py');
const screens = path.join(buildDir, 'room-play-screens');
const TITLE = 'Room play';
// A slower build (the sanitizer pass) gets longer to answer, never less.
const SLOW = Number(process.env.TH_TEST_SLOW || '1') || 1;

// The participants: their names as typed (null: stays anonymous), how
// they answer — leadership-keyed behaviours get `lead`, management-keyed
// ones `manage` — and where that puts them, worked out by hand from the
// formula of docs/scores.md: a rating r of every card of a side scores
// 100·(r − 1)/4 on that side.  Each lands in a different quadrant, and two
// sit exactly on a threshold line (50), which counts as high.
// Each rates every leadership card `lead` and every management card
// `manage`, which puts them where docs/scores.md says (leadership,
// management); `step` is the first next step the app gives that quadrant.
const PEOPLE = [
  { name: 'Ana', lead: 5, manage: 2, quadrant: 'Leadership-driven', scores: ['100.0', '25.0'],
    step: 'Turn your next idea into a plan of three to five steps, each with an owner and a date.' },
  { name: 'Zoë Lee-Ortiz', lead: 3, manage: 5, quadrant: 'Both hats', scores: ['50.0', '100.0'],
    step: 'Before each meeting, decide whether it needs direction or organisation, and open it ' +
      'that way.' },
  { name: 'Chen Wei', lead: 1, manage: 3, quadrant: 'Management-driven', scores: ['0.0', '50.0'],
    step: 'In your next one-to-ones, listen more than you talk and repeat back what you heard.' },
  { name: null, lead: 2, manage: 1, quadrant: 'Still developing', scores: ['25.0', '0.0'],
    step: 'Look back on last week: note when you pointed the way and when you organised the ' +
      'work.' },
];

function which(tool) {
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && fs.existsSync(path.join(dir, tool)))
      return path.join(dir, tool);
  }
  return null;
}

function checkTools() {
  const missing = [];
  for (const tool of ['xdotool', 'import', 'zbarimg'])
    if (!which(tool))
      missing.push(tool);
  if (!findChromium())
    missing.push('chromium');
  if (!fs.existsSync('/usr/bin/python3'))
    missing.push('/usr/bin/python3');
  return missing;
}

// The facilitator's side: the screen (X), the keyboard (XTest through
// xdotool) and the accessibility bus.
class Facilitator {
  constructor(dir) {
    this.dir = dir;
    this.screen = null;
    this.pending = [];
    this.buffer = '';
  }

  async startScreenReader(env) {
    // The reader is assistive technology, not the app under test: a
    // warning from the AT-SPI library it loads (a sanitized app answering
    // slowly while its cache is built) must not kill it, so the app's
    // G_DEBUG=fatal-warnings is not passed on.
    const readerEnv = { ...env };
    delete readerEnv.G_DEBUG;
    this.screen = spawn('/usr/bin/python3', [screenScript],
      { env: readerEnv, stdio: ['pipe', 'pipe', 'inherit'] });
    this.screen.stdout.on('data', (chunk) => {
      this.buffer += chunk.toString();
      let end;
      while ((end = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        const next = this.pending.shift();
        if (next)
          next(JSON.parse(line));
      }
    });
    this.exited = new Promise((resolve) => this.screen.on('exit', (code) => resolve({ exit: code })));
    const ready = await Promise.race([new Promise((resolve) => this.pending.push(resolve)),
      this.exited]);
    if (ready.exit === SKIP || ready.missing)
      return false;
    if (!ready.ready)
      fail('room-screen.py did not start: ' + JSON.stringify(ready));
    return true;
  }

  // One question at a time; an answer that never comes is a failure.
  async ask(request) {
    const answer = new Promise((resolve) => {
      this.pending.push(resolve);
      this.screen.stdin.write(JSON.stringify(request) + '\n');
    });
    const late = sleep(90000).then(() => 'late');
    const result = await Promise.race([answer, late, this.exited]);
    if (result === 'late')
      fail(`facilitator: no answer to ${JSON.stringify(request)} in 90 s`);
    if (result.exit !== undefined)
      fail(`facilitator: room-screen.py exited (${result.exit})`);
    return result;
  }

  async must(request) {
    const answer = await this.ask(request);
    if (!answer.ok)
      fail(`facilitator: ${JSON.stringify(request)}: ${answer.error || 'failed'}`);
    return answer;
  }

  // Polls the window until @check (on the answer to @request) holds.
  async waitFor(request, check, what, timeoutMs = 20000) {
    const deadline = Date.now() + timeoutMs * SLOW;
    let last = null;
    for (;;) {
      last = await this.ask(request);
      if (last.ok && check(last))
        return last;
      if (Date.now() > deadline)
        fail(`facilitator: timed out waiting for ${what} (last: ${JSON.stringify(last).slice(0, 400)})`);
      await sleep(100);
    }
  }

  async labels() {
    return (await this.must({ cmd: 'labels' })).labels;
  }

  async waitForLabel(pattern, what) {
    const answer = await this.waitFor({ cmd: 'labels' },
      (a) => a.labels.some((l) => pattern.test(l)), what);
    return answer.labels.find((l) => pattern.test(l));
  }

  click(role, name) {
    return this.must({ cmd: 'click', role, name });
  }

  // Keys through XTest, as a keyboard sends them, to the window in front.
  async key(...keys) {
    await this.findWindow();
    execFileSync('xdotool', ['windowfocus', '--sync', this.window]);
    execFileSync('xdotool', ['key', '--clearmodifiers', ...keys]);
  }

  // What the facilitator sees.  The accessibility bus tells of a new view
  // once it is laid out, which may be a frame before it is on the screen:
  // unless the screen is expected to be moving, the picture is taken
  // again until two in a row are the same.
  async shot(name, { moving = false } = {}) {
    const file = path.join(this.dir, name + '.png');
    const again = path.join(this.dir, name + '.again.png');
    execFileSync('import', ['-window', 'root', file]);
    for (let i = 0; !moving && i < 20; i++) {
      await sleep(50);
      execFileSync('import', ['-window', 'root', again]);
      if (fs.readFileSync(file).equals(fs.readFileSync(again)))
        break;
      fs.renameSync(again, file);
    }
    fs.rmSync(again, { force: true });
    log('facilitator screenshot', file);
    return file;
  }

  async findWindow() {
    const deadline = Date.now() + 30000 * SLOW;
    for (;;) {
      try {
        const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^' + TITLE + '$'],
          { encoding: 'utf8' }).trim().split('\n').filter((x) => x);
        if (ids.length > 0) {
          this.window = ids[0];
          return;
        }
      } catch (e) {
        // xdotool exits 1 while nothing matches.
      }
      if (Date.now() > deadline)
        fail('the window never showed');
      await sleep(100);
    }
  }

  stop() {
    if (this.screen) {
      this.screen.stdin.end();
      this.screen.kill('SIGTERM');
    }
  }
}

// One participant's whole visit, tap by tap, with a screenshot of every
// step for the first phone and of the main ones for the others.
async function join(phone, person, room) {
  const { page } = phone;
  const every = phone.index === 0;
  await page.navigate(room.qrUrl);
  await page.waitForView('join');
  if (await page.evaluate('document.getElementById("join-code").value') !== room.code)
    fail(`${page.name}: the code from the QR code was not filled in`);
  if (person.name !== null) {
    await page.type('#join-name', person.name);
  } else {
    await page.tap('label.check');
    if (!(await page.evaluate('document.getElementById("join-anonymous").checked')))
      fail(`${page.name}: "Stay anonymous" did not tick`);
  }
  await page.screenshot(`${phone.prefix}-01-join`);
  await page.noHorizontalScroll();
  await page.tap('#join-button');
  await page.waitForView('sort');
  const who = await page.evaluate('document.getElementById("who").textContent');
  phone.name = who.replace(/^You are /, '');
  if (person.name !== null && phone.name !== person.name)
    fail(`${page.name}: the page calls them "${who}"`);
  if (person.name === null && !/^Participant \d+$/.test(phone.name))
    fail(`${page.name}: the anonymous participant is "${who}"`);
  if (every)
    await page.screenshot(`${phone.prefix}-02-sort`);
}

async function sortAll(phone, deck) {
  const { page } = phone;
  const every = phone.index === 0;
  for (let step = 0; step < deck.behaviours.length + 5; step++) {
    if (await page.view() !== 'sort')
      break;
    const id = await page.evaluate('document.getElementById("sort-text").dataset.id');
    const behaviour = deck.behaviours.find((b) => b.id === id);
    if (!behaviour)
      fail(`${page.name}: the card shows an unknown behaviour ${id}`);
    // Mostly right, one card in four the other way.
    const flip = (deck.behaviours.indexOf(behaviour) + phone.index) % 4 === 0;
    const side = flip ? (behaviour.key === 'leadership' ? 'management' : 'leadership') : behaviour.key;
    phone.sorted[id] = side;
    await page.tap('#sort-' + side);
    await page.waitFor(`document.body.dataset.view !== 'sort' || ` +
      `document.getElementById("sort-text").dataset.id !== ${JSON.stringify(id)}`, 'the next card');
    if (every && Object.keys(phone.sorted).length === 12)
      await page.screenshot(`${phone.prefix}-03-sort-half`);
  }
  if (Object.keys(phone.sorted).length !== deck.behaviours.length)
    fail(`${page.name}: sorted ${Object.keys(phone.sorted).length} of ${deck.behaviours.length}`);
  await page.waitForView('wait');
  if (every)
    await page.screenshot(`${phone.prefix}-04-all-sorted`);
}

async function rateAll(phone, deck, person) {
  const { page } = phone;
  const every = phone.index === 0;
  await page.tap('#wait-rate');
  await page.waitForView('rate');
  if (every)
    await page.screenshot(`${phone.prefix}-05-rate`);
  await page.noHorizontalScroll();
  for (let step = 0; step < deck.behaviours.length + 5; step++) {
    if (await page.view() !== 'rate')
      break;
    const id = await page.evaluate('document.getElementById("rate-text").dataset.id');
    const behaviour = deck.behaviours.find((b) => b.id === id);
    const rating = behaviour.key === 'leadership' ? person.lead : person.manage;
    phone.rated[id] = rating;
    await page.tap(`#rate-buttons [data-rating="${rating}"]`);
    await page.waitFor(`document.body.dataset.view !== 'rate' || ` +
      `document.getElementById("rate-text").dataset.id !== ${JSON.stringify(id)}`, 'the next card');
    if (every && Object.keys(phone.rated).length === 12)
      await page.screenshot(`${phone.prefix}-06-rate-half`);
  }
  if (Object.keys(phone.rated).length !== deck.behaviours.length)
    fail(`${page.name}: rated ${Object.keys(phone.rated).length} of ${deck.behaviours.length}`);
  await page.waitForView('done');
  await page.waitFor('document.getElementById("net").dataset.state === "saved"', 'saved');
  await page.screenshot(`${phone.prefix}-07-done`);
}

// Once the key is out, each phone shows its own position, the one its
// ratings give, and the first next step for that quadrant: never anyone
// else's.
async function checkPosition(phone, person) {
  const { page } = phone;
  await page.waitFor('!document.getElementById("result").hidden', 'the position', 15000 * SLOW);
  const shown = await page.evaluate(`[
    document.getElementById('result-quadrant').textContent,
    document.getElementById('result-leadership').textContent,
    document.getElementById('result-management').textContent,
    document.querySelector('#result-steps li').textContent,
  ]`);
  const expected = [person.quadrant, ...person.scores, person.step];
  if (JSON.stringify(shown) !== JSON.stringify(expected))
    fail(`${page.name}: the position reads ${JSON.stringify(shown)}, ` +
      `expected ${JSON.stringify(expected)}`);
}

// During the reveal the key is the big screen's: each phone says to watch
// it and join the discussion, holds none of the article's reasons (not
// even hidden) and offers no way to sort again.
async function checkWatch(phone, deck) {
  const { page } = phone;
  await page.waitFor('document.body.dataset.view === "watch"', 'the reveal', 15000 * SLOW);
  const shown = await page.evaluate(`({
    heading: document.querySelector('#view-watch h1').textContent,
    html: document.documentElement.outerHTML,
    buttons: Array.from(document.querySelectorAll('button'))
      .filter((b) => b.offsetParent !== null).map((b) => b.textContent),
  })`);
  if (shown.heading !== 'Watch the big screen')
    fail(`${page.name}: the reveal reads ${JSON.stringify(shown.heading)}`);
  for (const b of deck.behaviours) {
    if (b.why && shown.html.includes(b.why))
      fail(`${page.name}: during the reveal the page holds the key of ${b.id}`);
  }
  // Everyone has rated: changing the ratings is all there is to do.
  if (JSON.stringify(shown.buttons) !== JSON.stringify(['Change my ratings']))
    fail(`${page.name}: during the reveal the page offers ${JSON.stringify(shown.buttons)}`);
  await page.noHorizontalScroll();
  await page.screenshot(`${phone.prefix}-08-watch`);
}

// Once the answers are open (reflect), the phone offers them: every card
// once, in the participant's own order (the one the room served and the
// session file keeps), each marked right or wrong as this phone sorted it.
async function checkReveal(phone, deck, sessionPath) {
  const { page } = phone;
  await page.tap('#done-reveal');
  await page.waitFor('document.body.dataset.view === "reveal"', 'the answers', 15000 * SLOW);
  await page.waitFor(`document.querySelectorAll('#reveal-list li').length === ${deck.behaviours.length}`,
    'the revealed cards');
  const items = await page.evaluate(`Array.from(document.querySelectorAll('#reveal-list li'))
    .map((li) => ({ text: li.querySelector('.text').textContent,
                    match: li.querySelector('.match') !== null }))`);
  const participant = readSession(sessionPath).participants.find((x) => x.name === phone.name);
  if (!participant || !Array.isArray(participant.order) ||
      participant.order.length !== deck.behaviours.length)
    fail(`${page.name}: the file keeps no order of the cards for this participant`);
  participant.order.forEach((id, i) => {
    const b = deck.behaviours.find((x) => x.id === id);
    if (!b || items[i].text !== b.text)
      fail(`${page.name}: reveal: card ${i} is not ${id}, the participant's own card ${i}`);
    if (items[i].match !== (phone.sorted[b.id] === b.key))
      fail(`${page.name}: reveal: ${b.id} is marked ${items[i].match ? 'right' : 'wrong'}`);
  });
  await page.noHorizontalScroll();
  await page.screenshot(`${phone.prefix}-10-answers`);
}

function readSession(sessionPath) {
  return JSON.parse(fs.readFileSync(sessionPath, 'utf8'));
}

async function main() {
  const missing = checkTools();
  if (missing.length > 0) {
    console.log('missing: ' + missing.join(', ') + ' (tools/deps --tests installs them)');
    return SKIP;
  }
  if (!process.env.DISPLAY)
    fail('no display: the ui suite runs under xvfb-run (tools/test)');
  const roomAddress = process.env.TH_ROOM_ADDRESS;
  if (!roomAddress)
    fail('TH_ROOM_ADDRESS is not set: run this test through tests/run-in-room-netns, ' +
      'which gives it a network of its own');

  fs.rmSync(screens, { recursive: true, force: true });
  fs.mkdirSync(screens, { recursive: true });
  log('screenshots go to', screens);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-hats-play-'));
  const sessionPath = path.join(dir, 'play.twohats');
  const deck = JSON.parse(fs.readFileSync(deckPath, 'utf8'));
  delete deck.concepts;
  delete deck.sections;
  fs.writeFileSync(sessionPath, JSON.stringify({
    format: 'two-hats-session', version: 1, title: TITLE, deck, participants: [],
  }));

  // The app as it runs on a desktop: with the accessibility bus (the
  // tests' GTK_A11Y=test would leave it off), its own settings and data.
  const env = { ...process.env };
  delete env.GTK_A11Y;
  delete env.NO_AT_BRIDGE;
  for (const xdg of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'])
    env[xdg] = path.join(dir, xdg.toLowerCase());
  const appLog = path.join(dir, 'app.log');
  const appOut = fs.openSync(appLog, 'w');
  const facilitator = new Facilitator(screens);
  let app = null;
  let browser = null;
  let status = 0;
  const phones = [];

  try {
    app = spawn(twoHats, [sessionPath], { env, stdio: ['ignore', appOut, appOut] });
    let appExit = null;
    app.on('exit', (code, signal) => { appExit = signal || code; });

    // The window first: the accessibility bus is asked once it is there.
    await facilitator.findWindow();
    if (!(await facilitator.startScreenReader(env))) {
      console.log('gir1.2-atspi-2.0 is missing (tools/deps --tests installs it)');
      status = SKIP;
      return;
    }
    await facilitator.must({ cmd: 'wait-app', title: TITLE, timeout: 30 * SLOW });
    await facilitator.waitFor({ cmd: 'find', role: 'page tab', name: 'Workshop' }, () => true,
      'the Workshop view');
    await facilitator.shot('f01-workshop-open');

    // Hosting, by keyboard: the primary menu, its Host item, Start Hosting.
    await facilitator.key('F10');
    await facilitator.waitForLabel(/^Host This Workshop…$/, 'the primary menu');
    await facilitator.shot('f02-menu');
    await facilitator.key('h', 'Return');
    await facilitator.waitFor({ cmd: 'find', role: 'push button', name: '_Start Hosting Start Hosting' },
      () => true, 'the Start Hosting button');
    await facilitator.shot('f03-room-start');
    await facilitator.key('alt+s');
    await facilitator.waitForLabel(/^Nobody has joined yet\.$/, 'the room to open');
    const code = await facilitator.waitForLabel(/^[A-Z0-9]{6}$/, 'the join code');
    const joinShot = await facilitator.shot('f04-hosting');

    // What a phone's camera sees: the QR code on the screen.
    const scanned = execFileSync('zbarimg', ['-q', '--raw', joinShot], { encoding: 'utf8' }).trim();
    const qr = /^(http:\/\/[0-9.]+:\d+\/)#([A-Z0-9]{6})$/.exec(scanned);
    if (!qr)
      fail('the QR code on the screen reads ' + JSON.stringify(scanned));
    const labels = await facilitator.labels();
    if (qr[2] !== code)
      fail(`the QR code carries ${qr[2]}, the screen shows the code ${code}`);
    if (!labels.includes(qr[1]))
      fail(`the QR code's address ${qr[1]} is not written on the join screen`);
    if (new URL(qr[1]).hostname !== roomAddress)
      fail(`the join screen offers ${qr[1]}, not the room network's ${roomAddress}`);
    const room = { qrUrl: scanned, url: qr[1], code };
    log('the screen shows', room.url, 'code', room.code);

    browser = startBrowser(findChromium(), path.join(dir, 'profile'));
    log('phones:', (await browser.cdp.send('Browser.getVersion')).product);
    for (let i = 0; i < PEOPLE.length; i++) {
      const page = await openPage(browser.cdp, 'phone ' + (i + 1), 'en-US', screens);
      phones.push({ page, index: i, prefix: `p${i + 1}`, sorted: {}, rated: {}, name: null });
    }

    // Everyone scans and joins at about the same time.
    await Promise.all(phones.map((phone, i) => join(phone, PEOPLE[i], room)));
    await facilitator.waitForLabel(new RegExp(`^0 of ${PEOPLE.length} finished$`),
      'everyone in the room list');
    const roomLabels = await facilitator.labels();
    for (const phone of phones)
      if (!roomLabels.includes(phone.name))
        fail(`the room list lacks ${phone.name}`);
    await facilitator.shot('f05-room-joined');

    // Once their last card is saved, the room list says they go on to rate.
    await Promise.all(phones.map((phone) => sortAll(phone, deck)));
    await Promise.all(phones.map((phone) => phone.page.waitFor(
      'document.getElementById("net").dataset.state === "saved"', 'the sorts to be saved')));
    const sortedAll = `Rating · Sorted ${deck.behaviours.length}/${deck.behaviours.length} · ` +
      `Rated 0/${deck.behaviours.length}`;
    await facilitator.waitFor({ cmd: 'labels' },
      (a) => a.labels.filter((l) => l === sortedAll).length === phones.length,
      `everyone "${sortedAll}" in the room list`);
    await facilitator.shot('f06-room-sorted');

    // The facilitator puts the chart up while the ratings come in, and
    // looks at it as they arrive.
    await facilitator.click('page tab', 'Chart');
    await facilitator.waitFor({ cmd: 'find', role: 'image', name: 'Quadrant chart' }, () => true,
      'the chart');
    await facilitator.shot('f07-chart-before-ratings');
    let rating = true;
    const watching = (async () => {
      for (let n = 1; rating && n <= 8; n++) {
        await sleep(800);
        if (rating)
          await facilitator.shot(`f08-chart-while-rating-${n}`, { moving: true });
      }
    })();
    await Promise.all(phones.map((phone, i) => rateAll(phone, deck, PEOPLE[i])));
    rating = false;
    await watching;

    // Every tap is in the file.
    const session = readSession(sessionPath);
    for (const phone of phones) {
      const p = session.participants.find((x) => x.name === phone.name);
      if (!p)
        fail(`${phone.name} is not in the session file`);
      for (const b of deck.behaviours) {
        if (p.sort?.[b.id] !== phone.sorted[b.id])
          fail(`${phone.name}: ${b.id} sorted ${phone.sorted[b.id]}, the file has ${p.sort?.[b.id]}`);
        if (p.ratings?.[b.id] !== phone.rated[b.id])
          fail(`${phone.name}: ${b.id} rated ${phone.rated[b.id]}, the file has ${p.ratings?.[b.id]}`);
      }
    }
    if (session.participants.length !== phones.length)
      fail(`the file has ${session.participants.length} participants, ${phones.length} joined`);
    log(`the file holds all ${phones.length * deck.behaviours.length * 2} answers`);

    // The chart on the window: everyone, each in their own quadrant.
    const expected = { 'Both hats': 0, 'Leadership-driven': 0, 'Management-driven': 0,
      'Still developing': 0 };
    for (const person of PEOPLE)
      expected[person.quadrant]++;
    const want = Object.entries(expected).map(([q, n]) => `${q}: ${n}`).join(', ');
    await facilitator.waitFor({ cmd: 'find', role: 'image', name: 'Quadrant chart' },
      (a) => a.description === want, `the chart to read "${want}"`);
    await facilitator.shot('f09-chart-everyone');
    log('the chart reads', want);

    await facilitator.click('page tab', 'Room');
    await facilitator.waitForLabel(new RegExp(`^${PEOPLE.length} of ${PEOPLE.length} finished$`),
      'everyone finished in the room list');
    await facilitator.shot('f10-room-finished');

    // The facilitator moves the workshop on; the phones follow.
    await facilitator.click('page tab', 'Workshop');
    await facilitator.waitFor({ cmd: 'find', role: 'push button', name: '2 · Reveal' }, () => true,
      'the phase buttons');
    await facilitator.shot('f11-workshop');
    await facilitator.click('push button', '2 · Reveal');
    await Promise.all(phones.map((phone) => checkWatch(phone, deck)));
    await facilitator.shot('f12-reveal');
    await facilitator.click('push button', '3 · Reflect');
    await Promise.all(phones.map(async (phone) => {
      await phone.page.waitFor('document.body.dataset.view === "done"', 'done after reflect',
        15000 * SLOW);
      await checkPosition(phone, PEOPLE[phone.index]);
      await phone.page.screenshot(`${phone.prefix}-09-reflect`);
      await checkReveal(phone, deck, sessionPath);
    }));
    await facilitator.shot('f13-reflect');

    for (const phone of phones) {
      // Served over plain HTTP on the LAN, the page is not a secure
      // context, so Chromium ignores the server's Cross-Origin-Opener-Policy
      // and says so in the console: that is all it is, here and on a real
      // phone.  Anything else is a problem.
      phone.page.problems = phone.page.problems.filter(
        (p) => !/^The Cross-Origin-Opener-Policy header has been ignored/.test(p));
      if (phone.page.problems.length > 0)
        fail(`${phone.page.name}: the browser reported: ${phone.page.problems.join(' | ')}`);
    }

    // Quitting saves and stops hosting cleanly.
    await facilitator.key('ctrl+q');
    const deadline = Date.now() + 20000 * SLOW;
    while (appExit === null && Date.now() < deadline)
      await sleep(100);
    if (appExit !== 0)
      fail(`the app did not quit cleanly on Ctrl+Q: ${appExit}`);
    app = null;
    const after = readSession(sessionPath);
    if (after.participants.length !== phones.length)
      fail('after quitting the file has ' + after.participants.length + ' participants');
    log(`ok: ${phones.length} phones played a room against the app; screenshots in ${screens}`);
  } catch (e) {
    console.log('not ok:', e.stack || e.message);
    if (browser && browser.errors())
      console.log('# chromium said:', browser.errors().split('\n').slice(-10).join('\n# '));
    status = 1;
  } finally {
    facilitator.stop();
    if (browser)
      await browser.close();
    if (app) {
      const exited = new Promise((resolve) => app.on('exit', resolve));
      app.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
    }
    fs.closeSync(appOut);
    const appText = fs.readFileSync(appLog, 'utf8');
    if (appText.trim())
      console.log('# the app said:\n# ' + appText.trim().split('\n').slice(-30).join('\n# '));
    removeTree(dir);
  }
  return status;
}

main().then((status) => process.exit(status), (e) => {
  console.log('not ok:', e.stack || e.message);
  process.exit(1);
});
