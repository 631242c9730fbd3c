// phone.mjs
//
// Copyright 2026 The Two Hats authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Phones for the participant page: headless Chromium driven over the
// DevTools protocol on a pipe (--remote-debugging-pipe), so nothing but
// node and Chromium is needed.  Each Page is one tab seen as a 360×740
// phone with touch input.  test-room-page.mjs (against `two-hats --host`)
// and tests/ui/test-room-play.mjs (against the app's window) use it.
// Every screenshot is also an accessibility audit of the page as it
// stands (axe-core, which tools/deps --tests fetches: package.json).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function findChromium() {
  const names = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome'];
  for (const name of names) {
    if (name && fs.existsSync(name))
      return name;
  }
  return null;
}

export function log(...args) {
  console.log('#', ...args);
}

export function fail(message) {
  throw new Error(message);
}

// axe-core's script, read once: tests/room/node_modules, where tools/deps
// --tests puts the version package-lock.json pins.
let axeSource = null;
function axeCore() {
  if (axeSource === null) {
    const file = new URL('./node_modules/axe-core/axe.min.js', import.meta.url);
    try {
      axeSource = fs.readFileSync(file, 'utf8');
    } catch (e) {
      fail(`axe-core is missing (${file.pathname}): tools/deps --tests fetches it`);
    }
  }
  return axeSource;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// TH_TEST_SLOW stretches every deadline a test waits for (3 in the
// sanitizer pass).  The defaults below are stretched here; a caller that
// passes its own timeout stretches it itself.
export const SLOW = Number(process.env.TH_TEST_SLOW || '1') || 1;

// The DevTools protocol over the pipe: messages are JSON, each ended by NUL.
export class Cdp {
  constructor(child) {
    this.child = child;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.buffer = '';
    child.stdio[4].on('data', (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    this.buffer += chunk.toString('utf8');
    let end;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 1);
      if (message.id && this.pending.has(message.id)) {
        const { resolve, reject, method } = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error)
          reject(new Error(method + ': ' + message.error.message));
        else
          resolve(message.result);
      } else if (message.method) {
        for (const listener of this.listeners)
          listener(message);
      }
    }
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId)
      message.sessionId = sessionId;
    this.child.stdio[3].write(JSON.stringify(message) + '\0');
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
    });
  }

  on(listener) {
    this.listeners.push(listener);
  }
}

// One tab, seen as a phone.
export class Page {
  constructor(cdp, sessionId, name, screens) {
    this.cdp = cdp;
    this.screens = screens;
    this.sessionId = sessionId;
    this.name = name;
    this.problems = [];
    this.loaded = null;
    cdp.on((message) => {
      if (message.sessionId !== sessionId)
        return;
      if (message.method === 'Page.loadEventFired' && this.loaded) {
        this.loaded();
        this.loaded = null;
      }
      // A CSP violation, a script error, a failed fetch that is not one
      // we caused on purpose: all of them fail the test.
      if (message.method === 'Log.entryAdded' && message.params.entry.level === 'error')
        this.problems.push(message.params.entry.text);
      if (message.method === 'Runtime.exceptionThrown')
        this.problems.push(message.params.exceptionDetails.text + ' ' +
          JSON.stringify(message.params.exceptionDetails.exception || {}));
    });
  }

  send(method, params = {}) {
    return this.cdp.send(method, params, this.sessionId);
  }

  async evaluate(expression) {
    const result = await this.send('Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails)
      fail(`evaluate(${expression}): ${JSON.stringify(result.exceptionDetails)}`);
    return result.result.value;
  }

  async navigate(url, timeoutMs = 30000 * SLOW) {
    const loaded = new Promise((resolve) => { this.loaded = resolve; });
    const result = await this.send('Page.navigate', { url });
    if (result.errorText)
      fail(`${this.name}: opening ${url}: ${result.errorText}`);
    const timer = sleep(timeoutMs).then(() => 'timeout');
    if (await Promise.race([loaded, timer]) === 'timeout')
      fail(`${this.name}: ${url} did not load in ${timeoutMs / 1000} s`);
  }

  async reload() {
    const loaded = new Promise((resolve) => { this.loaded = resolve; });
    await this.send('Page.reload', {});
    await loaded;
  }

  async waitFor(expression, what, timeoutMs = 20000 * SLOW) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.evaluate(expression))
        return;
      if (Date.now() > deadline)
        fail(`${this.name}: timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  async view() {
    return this.evaluate('document.body.dataset.view');
  }

  async waitForView(view) {
    try {
      await this.waitFor(`document.body.dataset.view === ${JSON.stringify(view)}`, `view ${view}`);
    } catch (e) {
      const state = await this.evaluate(`JSON.stringify({ view: document.body.dataset.view,
        error: (document.getElementById('join-error') || {}).textContent,
        net: document.getElementById('net').textContent })`);
      fail(e.message + ' (page: ' + state + '; logged: ' + this.problems.join(' | ') + ')');
    }
  }

  // A tap as a finger makes it: touch events at the middle of the element,
  // which must be visible and at least 44 px high (a finger's width).
  async tap(selector) {
    const box = await this.evaluate(`(() => {
      const e = document.querySelector(${JSON.stringify(selector)});
      if (!e) return null;
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width, h: r.height,
               hidden: e.offsetParent === null };
    })()`);
    if (!box || box.hidden)
      fail(`${this.name}: ${selector} is not there to tap`);
    if (box.h < 44)
      fail(`${this.name}: ${selector} is ${box.h} px high, too small to tap`);
    if (box.x < 0 || box.x > 360)
      fail(`${this.name}: ${selector} is off the 360 px screen`);
    await this.send('Input.dispatchTouchEvent',
      { type: 'touchStart', touchPoints: [{ x: box.x, y: box.y, radiusX: 8, radiusY: 8 }] });
    await this.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  async type(selector, text) {
    await this.tap(selector);
    await this.send('Input.insertText', { text });
  }

  // One key, pressed and let go, as a keyboard sends it: Tab, Enter,
  // Space, or a character.
  async press(key, modifiers = 0) {
    const KEYS = {
      Tab: { code: 'Tab', windowsVirtualKeyCode: 9 },
      Enter: { code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
      ' ': { code: 'Space', windowsVirtualKeyCode: 32, text: ' ' },
    };
    const known = KEYS[key] || { code: 'Key' + key.toUpperCase(),
      windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0), text: key };
    const down = { type: known.text ? 'keyDown' : 'rawKeyDown', key, modifiers, ...known };
    await this.send('Input.dispatchKeyEvent', down);
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key, modifiers, code: known.code,
      windowsVirtualKeyCode: known.windowsVirtualKeyCode });
  }

  // Tab (or Shift+Tab) until @selector has the focus, as someone without
  // a pointer would; fails when it is never reached, or when it is
  // reached without a visible mark of the focus.
  async tabTo(selector, backwards = false) {
    const focused = `document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`;
    for (let presses = 0; !(await this.evaluate(focused)); presses++) {
      if (presses >= 40)
        fail(`${this.name}: ${selector} cannot be reached with the keyboard`);
      await this.press('Tab', backwards ? 8 : 0);
    }
    const mark = await this.evaluate(`(() => {
      const e = document.activeElement;
      const style = getComputedStyle(e);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      // A text field marks its focus with the accent colour on its border.
      const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
      const rgb = accent.match(/^#(..)(..)(..)$/).slice(1).map((h) => parseInt(h, 16));
      const text = e.matches('input[type="text"]') &&
        style.borderTopColor === 'rgb(' + rgb.join(', ') + ')';
      return { visible: e.matches(':focus-visible'), outline, text,
               border: style.borderTopColor, accent };
    })()`);
    if (!mark.visible || !(mark.outline || mark.text))
      fail(`${this.name}: ${selector} has the focus but shows no focus ring ` +
        JSON.stringify(mark));
  }

  async screenshot(name) {
    // The picture of the page at rest, not of a card halfway in.
    const settled = this.evaluate('Promise.all(document.getAnimations().map((a) => a.finished))');
    if (await Promise.race([settled, sleep(10000 * SLOW).then(() => 'timeout')]) === 'timeout')
      fail(`${this.name}: the page was still moving ${10 * SLOW} s later (${name})`);
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    const file = path.join(this.screens, name + '.png');
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
    log('screenshot', file);
    await this.audit(name);
  }

  // axe-core's audit of the page as it stands (every rule it runs by
  // default: WCAG 2 A and AA, and its best practices); any violation
  // fails the test, with the rule, the elements and what is wrong.
  async audit(step) {
    if (!(await this.evaluate('typeof window.axe === "object"')))
      await this.evaluate(axeCore() + '\n;void 0');
    const violations = await this.evaluate(`axe.run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' + n.failureSummary) })))`);
    if (violations.length > 0)
      fail(`${this.name}: accessibility (axe-core) at "${step}":\n` + violations.map((v) =>
        `  ${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => '    ' + n).join('\n'))
        .join('\n'));
    log(`${this.name}: axe-core found nothing at "${step}"`);
  }

  async noHorizontalScroll() {
    const width = await this.evaluate('document.documentElement.scrollWidth');
    if (width > 360)
      fail(`${this.name}: the page is ${width} px wide on a 360 px screen`);
  }
}

export async function openPage(cdp, name, language, screens) {
  // A window of its own: each phone is in front, its animations run.
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const page = new Page(cdp, sessionId, name, screens);
  await page.send('Page.enable');
  await page.send('Runtime.enable');
  await page.send('Log.enable');
  await page.send('Network.enable');
  await page.send('Emulation.setDeviceMetricsOverride',
    { width: 360, height: 740, deviceScaleFactor: 2, mobile: true });
  await page.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  // A phone in a hand has the focus, whichever tab the browser has in front.
  await page.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  await page.send('Emulation.setUserAgentOverride', {
    userAgent: 'Mozilla/5.0 (Linux; Android 13; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) ' +
      'Chrome/120.0 Mobile Safari/537.36',
    acceptLanguage: language,
  });
  return page;
}

// Starts Chromium with a fresh profile in @profile (and @env, the
// environment, when given); close() ends it.  Chromium runs in a process
// group of its own, so that close() can wait for every one of its
// processes (the browser, its zygote, renderers and utilities), and only
// then is its profile safe to remove: a child still writing there makes
// removing the profile fail.
export function startBrowser(chromium, profile, env = process.env) {
  const browser = spawn(chromium, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-extensions', '--mute-audio', '--remote-debugging-pipe',
    '--user-data-dir=' + profile, 'about:blank',
  ], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let errors = '';
  let exited = false;
  const exit = new Promise((resolve) => browser.on('exit', () => { exited = true; resolve(); }));
  browser.stderr.on('data', (chunk) => { errors += chunk.toString(); });
  const cdp = new Cdp(browser);
  return {
    cdp,
    errors: () => errors,
    async close() {
      if (!exited) {
        try {
          await Promise.race([cdp.send('Browser.close'), sleep(3000)]);
        } catch (e) {
          // Already gone.
        }
        await Promise.race([exit, sleep(5000)]);
      }
      await killGroup(browser.pid);
      await exit;
    },
  };
}

// Whether a process of the group @pgid still runs.  A zombie does not
// count: it writes nothing, and who reaps it is up to whoever inherited it.
function groupAlive(pgid) {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch (e) {
      continue;
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X')
      return true;
  }
  return false;
}

// Ends every process of the group @pgid and waits until none is left.
async function killGroup(pgid) {
  if (!groupAlive(pgid))
    return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch (e) {
    // Gone in between.
  }
  const deadline = Date.now() + 30000 * SLOW;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline)
      fail(`Chromium's processes (group ${pgid}) outlived SIGKILL for ${30 * SLOW} s`);
    await sleep(50);
  }
}

// Removes a test's scratch folder once nothing writes there any more;
// a late write that still races with it gets a few tries.
export function removeTree(dir) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
