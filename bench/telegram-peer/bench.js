#!/usr/bin/env node
'use strict';
// BlockBot's Telegram channel on the peers' 6-turn procedure, end to end over the Bot API HTTP protocol on
// loopback: the same fake Bot API (bench-peers/grammy/fake-bot-api.js, required from there, never copied), the same
// process layout and the same closed-loop driver as bench-peers/grammy/bench.js, with BlockBot instead of the grammY
// bot as the child process (`BlockBot.Bench --telegram-bot`: the product's host in polling mode, SQLite).
//
// Each run is a fresh worker process (this file with --worker) holding the fake and the driver; it starts the bot as
// a CHILD process pointed at the fake. N chats, closed loop: a chat's next update is injected only after the bot's
// last reply to the previous one reached sendMessage. Every reply is checked (count, text, inline keyboard labels,
// the summary's content, one answerCallbackQuery per press); a deviation, the bot exiting or a time-out aborts.
//
//   node bench/telegram-peer/bench.js --n 1,100,1000 --runs 3 --out r.json
//   node bench/telegram-peer/bench.js --worker --n 100 --turns 6000 --warmup-turns 1200    # one run, one JSON line
//
// Options:
//   --peers DIR              the bench-peers folder (default $BENCH_PEERS or /work/shared/bench-peers); read only
//   --bot DLL                BlockBot.Bench.dll (default: the Release build in this repository)
//   --n 1,100,1000           concurrent chats
//   --runs 3                 fresh process pairs per N (median reported)
//   --turns 6000             measured updates per run (at least 1 round of 6 per chat), as the grammY peer
//   --warmup-turns 1200      warm-up updates per run (at least 1 round per chat), not measured
//   --max-seconds 300        hard limit per run; exceeded = abort
//   --bot-args "..."         more arguments for the bot (e.g. "--concurrent-chats 100"); see BlockBot.Bench --telegram-bot
//   --out FILE               also write the JSON line to FILE
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const REPO = path.resolve(__dirname, '..', '..');

function parseArgs(argv) {
    const o = {
        peers: process.env.BENCH_PEERS || '/work/shared/bench-peers',
        bot: path.join(REPO, 'bench', 'BlockBot.Bench', 'bin', 'Release', 'net10.0', 'BlockBot.Bench.dll'),
        n: '1,100,1000', runs: 3, turns: 6000, warmupTurns: 1200, maxSeconds: 300, botArgs: '', out: null, worker: false,
    };
    for (let i = 2; i < argv.length; i++) {
        const a = argv[i];
        const v = () => { if (i + 1 >= argv.length) throw new Error(`missing value for ${a}`); return argv[++i]; };
        switch (a) {
            case '--peers': o.peers = path.resolve(v()); break;
            case '--bot': o.bot = path.resolve(v()); break;
            case '--n': o.n = v(); break;
            case '--runs': o.runs = parseInt(v(), 10); break;
            case '--turns': o.turns = parseInt(v(), 10); break;
            case '--warmup-turns': o.warmupTurns = parseInt(v(), 10); break;
            case '--max-seconds': o.maxSeconds = Number(v()); break;
            case '--bot-args': o.botArgs = v(); break;
            case '--out': o.out = path.resolve(v()); break;
            case '--worker': o.worker = true; break;
            case '-h': case '--help':
                console.log(fs.readFileSync(__filename, 'utf8').split('\n').filter((l) => l.startsWith('//')).join('\n'));
                process.exit(0);
            default: throw new Error(`unknown option ${a}`);
        }
    }
    return o;
}

// The procedure's texts, word for word as bench-peers/grammy/bot.js has them (bot.js itself needs grammY installed).
const TEXT = {
    intro: 'Sorry to hear that your number was blocked. I will ask a few short questions and then hand the case to our support team.',
    status: 'What is the current status of the number?',
    lineName: 'What is the name of the line (as shown in your connector settings)?',
    crm: 'Was CRM marketing (bulk messages from the CRM) used on this line?',
    firstBlock: 'Is this the first block of this number?',
    handoff: 'Ready for hand-off to a support engineer?',
    ticketOpened: 'Ticket opened. A support engineer will contact you in this chat.',
};
const STATUS_CHOICES = ['not appealed', 'unblocked', 'refused'];
const TRIGGER = 'my number was blocked';

// ------------------------------------------------------------------ checks
// As grammy/bench.js checkReplies, except for what is BlockBot's own: its buttons carry their own callback_data (a
// press sends what the button holds, as a Telegram client does), one button per row, and a saved yes/no answer is
// shown as its button's text ("Yes"), hence the case-blind check of those words in the summary.
const EXPECT_COUNT = [2, 1, 1, 1, 2, 1];
const buttons = (m) => (m.reply_markup && m.reply_markup.inline_keyboard ? m.reply_markup.inline_keyboard.flat() : null);
const labels = (m) => { const b = buttons(m); return b ? b.map((x) => x.text) : null; };
function checkReplies(chat, t, msgs) {
    const texts = msgs.map((m) => m.text);
    const fail = (why) => { throw new Error(`chat ${chat.chatId} round ${chat.round} turn ${t + 1}: ${why}; replies=${JSON.stringify(msgs)}`); };
    if (msgs.length !== EXPECT_COUNT[t]) fail(`expected ${EXPECT_COUNT[t]} replies`);
    for (const m of msgs) if (!m.chat || m.chat.id !== chat.chatId) fail('reply to the wrong chat');
    for (const m of msgs) for (const b of buttons(m) || []) if (!b.callback_data) fail('a button without callback_data');
    const isYesNo = (m) => JSON.stringify(labels(m)) === JSON.stringify(['Yes', 'No']);
    switch (t) {
        case 0:
            if (texts[0] !== TEXT.intro || buttons(msgs[0])) fail('intro');
            if (texts[1] !== TEXT.status || JSON.stringify(labels(msgs[1])) !== JSON.stringify(STATUS_CHOICES)) fail('status choice prompt');
            break;
        case 1: if (texts[0] !== TEXT.lineName || buttons(msgs[0])) fail('line-name prompt'); break;
        case 2: if (texts[0] !== TEXT.crm || !isYesNo(msgs[0])) fail('CRM yes/no prompt'); break;
        case 3: if (texts[0] !== TEXT.firstBlock || !isYesNo(msgs[0])) fail('first-block yes/no prompt'); break;
        case 4:
            if (texts[0].toLowerCase() !== `Summary: line "Line-${chat.i}", status: unblocked, CRM marketing used: yes, first block: yes.`.toLowerCase()
                || !texts[0].includes(`"Line-${chat.i}"`) || !texts[0].includes('status: unblocked')) fail('summary');
            if (texts[1] !== TEXT.handoff || !isYesNo(msgs[1])) fail('hand-off yes/no prompt');
            break;
        case 5: if (texts[0] !== TEXT.ticketOpened || buttons(msgs[0])) fail('ticket opened'); break;
    }
}

// ------------------------------------------------------------------ driver
function press(fake, chat, label) {
    const b = (buttons(chat.lastPrompt) || []).find((x) => x.text === label);
    if (!b) throw new Error(`chat ${chat.chatId}: no button "${label}" on ${JSON.stringify(chat.lastPrompt)}`);
    fake.injectCallback(chat.chatId, chat.lastPrompt, b.callback_data);
    chat.callbacks += 1;
}

// Turn t of chat: 0 text trigger, 1 press "unblocked", 2 text Line-<i>, 3-5 press "Yes".
function injectTurn(fake, chat) {
    const t = chat.turn;
    chat.got = [];
    chat.t0 = performance.now();
    if (t === 0) fake.injectMessage(chat.chatId, TRIGGER);
    else if (t === 1) press(fake, chat, 'unblocked');
    else if (t === 2) fake.injectMessage(chat.chatId, `Line-${chat.i}`);
    else press(fake, chat, 'Yes');
}

function makeDriver(fake, n) {
    const chats = Array.from({ length: n }, (_, i) => ({ i, chatId: 100000 + i, turn: 0, round: 0, rounds: 0, got: [], t0: 0, lastPrompt: null, callbacks: 0, done: true }));
    const byId = new Map(chats.map((c) => [c.chatId, c]));
    let phase = null;
    let answers = 0;
    let failure = null;
    const abort = (e) => { if (!failure) { failure = e; if (phase) phase.reject(e); } };
    fake.onAnswer(() => { answers += 1; });
    fake.onSend((chatId, msg, t) => {
        const chat = byId.get(chatId);
        try {
            if (!chat) throw new Error(`sendMessage to unknown chat ${chatId}: ${JSON.stringify(msg)}`);
            if (chat.done) throw new Error(`chat ${chatId}: unexpected reply after its last turn: ${JSON.stringify(msg)}`);
            chat.got.push(msg);
            if (chat.got.length < EXPECT_COUNT[chat.turn]) return;
            checkReplies(chat, chat.turn, chat.got);
            if (phase.lat) phase.lat[phase.idx++] = t - chat.t0;
            chat.lastPrompt = chat.got[chat.got.length - 1];
            if (++chat.turn === 6) { chat.turn = 0; chat.round += 1; }
            if (chat.round === chat.rounds) { chat.done = true; if (--phase.remaining === 0) phase.resolve(); return; }
            injectTurn(fake, chat);
        } catch (e) { abort(e); }
    });
    function runPhase(rounds, lat, deadline) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`phase did not finish in time (${JSON.stringify(chats.filter((c) => !c.done).slice(0, 3).map((c) => ({ chat: c.chatId, round: c.round, turn: c.turn, got: c.got.length })))})`)), Math.max(1, deadline - Date.now()));
            phase = { lat, idx: 0, remaining: n, resolve: () => { clearTimeout(timer); resolve(); }, reject: (e) => { clearTimeout(timer); reject(e); } };
            if (failure) return phase.reject(failure);
            for (const c of chats) { c.round = 0; c.turn = 0; c.rounds = rounds; c.done = false; }
            for (const c of chats) injectTurn(fake, c);
        });
    }
    const expectedAnswers = () => chats.reduce((s, c) => s + c.callbacks, 0);
    return { runPhase, answers: () => answers, expectedAnswers, failure: () => failure };
}

// ------------------------------------------------------------------ bot child process
const CLK_TCK = (() => { const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }); return parseInt(r.stdout, 10) || 100; })();
function procCpuSeconds(pid) {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}
function procPeakRssMb(pid) {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
}
function percentile(sorted, p) {
    if (sorted.length === 0) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

async function worker(o) {
    const { createFakeBotApi } = require(path.join(o.peers, 'grammy', 'fake-bot-api.js'));
    const n = parseInt(o.n, 10);
    const deadline = Date.now() + o.maxSeconds * 1000;
    const fake = createFakeBotApi();
    const port = await fake.listen();
    const driver = makeDriver(fake, n);
    const botArgs = [o.bot, '--telegram-bot', '--api-url', `http://127.0.0.1:${port}`, ...o.botArgs.split(/\s+/).filter(Boolean)];
    let botLog = '';
    const child = spawn('dotnet', botArgs, { cwd: REPO, stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (d) => { botLog += d; process.stderr.write(d); });
    let childExit = null;
    const exited = new Promise((resolve) => child.on('exit', (code, sig) => { childExit = { code, sig }; resolve(); }));
    const killTimer = setTimeout(() => { console.error('worker: hard time limit, killing the bot'); child.kill('SIGKILL'); process.exit(5); }, o.maxSeconds * 1000 + 10000);
    try {
        const died = exited.then(() => { throw new Error(`bot process exited early: ${JSON.stringify(childExit)}`); });
        const race = (p) => Promise.race([p, died]);
        await race(new Promise((resolve, reject) => {
            const t0 = Date.now();
            const iv = setInterval(() => { if (fake.counts.getUpdates) { clearInterval(iv); resolve(); } else if (Date.now() - t0 > 60000) { clearInterval(iv); reject(new Error('bot did not poll within 60 s')); } }, 5);
        }));
        const warmRounds = Math.max(1, Math.ceil(o.warmupTurns / (6 * n)));
        await race(driver.runPhase(warmRounds, null, deadline));
        const rounds = Math.max(1, Math.ceil(o.turns / (6 * n)));
        const total = rounds * 6 * n;
        const lat = new Float64Array(total);
        const calls0 = { ...fake.counts };
        const botCpu0 = procCpuSeconds(child.pid);
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        await race(driver.runPhase(rounds, lat, deadline));
        const elapsed = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        const botCpu = procCpuSeconds(child.pid) - botCpu0;
        const peakRss = procPeakRssMb(child.pid);
        await new Promise((r) => setTimeout(r, 200));
        if (driver.failure()) throw driver.failure();
        if (driver.answers() !== driver.expectedAnswers()) throw new Error(`answerCallbackQuery: ${driver.answers()} calls for ${driver.expectedAnswers()} button presses`);
        if (fake.pending() !== 0) throw new Error(`${fake.pending()} updates never fetched`);
        lat.sort();
        const calls = {};
        for (const k of Object.keys(fake.counts)) calls[k] = fake.counts[k] - (calls0[k] || 0);
        const limiter = (/limiter ([^;]*);/.exec(botLog) || [])[1] || 'unknown';
        const result = {
            bot: 'blockbot', mode: 'telegram-polling', storage: 'sqlite', n, rounds, updates: total, warmup_updates: warmRounds * 6 * n,
            seconds: +elapsed.toFixed(3),
            updates_per_s: +(total / elapsed).toFixed(1),
            p50_ms: +percentile(lat, 0.5).toFixed(3),
            p99_ms: +percentile(lat, 0.99).toFixed(3),
            max_ms: +lat[lat.length - 1].toFixed(3),
            bot_cpu_s: +botCpu.toFixed(2),
            bot_cores: +(botCpu / elapsed).toFixed(2),
            fake_cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(2),
            fake_cores: +((cpu.user + cpu.system) / 1e6 / elapsed).toFixed(2),
            bot_peak_rss_mb: +peakRss.toFixed(1),
            api_calls: calls,
            getupdates_per_s: +((calls.getUpdates || 0) / elapsed).toFixed(1),
            limiter,
        };
        process.stdout.write(JSON.stringify(result) + '\n');
    } finally {
        clearTimeout(killTimer);
        if (!childExit) {
            child.kill('SIGTERM');
            await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
            if (!childExit) child.kill('SIGKILL');
        }
        await fake.close();
    }
}

// ------------------------------------------------------------------ orchestrator
function median(xs) { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; }

function main(o) {
    const ns = o.n.split(',').map((s) => parseInt(s, 10));
    const configs = ns.map((n) => ({ n, runs: [] }));
    console.log(`BlockBot --telegram-bot (${o.bot}), fake Bot API ${path.join(o.peers, 'grammy', 'fake-bot-api.js')}, node ${process.version}, ${os.cpus().length} cpus, runs=${o.runs}`);
    for (let run = 1; run <= o.runs; run++) {
        for (const c of configs) {
            const args = [__filename, '--worker', '--peers', o.peers, '--bot', o.bot, '--n', String(c.n), '--turns', String(o.turns), '--warmup-turns', String(o.warmupTurns), '--max-seconds', String(o.maxSeconds), '--bot-args', o.botArgs];
            const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: (o.maxSeconds + 60) * 1000 });
            if (r.status !== 0) { console.error(r.stdout, r.stderr, r.error || ''); throw new Error(`worker failed: n=${c.n} run=${run} status=${r.status}`); }
            const res = JSON.parse(r.stdout.trim().split('\n').pop());
            c.runs.push(res);
            console.log(`  run ${run}/${o.runs} blockbot telegram sqlite N=${String(c.n).padEnd(5)} ${res.updates_per_s.toFixed(0).padStart(6)} updates/s  p50 ${res.p50_ms.toFixed(2)} ms  p99 ${res.p99_ms.toFixed(2)} ms  bot ${res.bot_cores} cores, fake+driver ${res.fake_cores} cores, bot peak RSS ${res.bot_peak_rss_mb} MB  (${res.updates} updates, ${res.seconds} s; limiter ${res.limiter})`);
        }
    }
    const med = (c, k) => median(c.runs.map((r) => r[k]));
    const results = configs.map((c) => ({
        bot: 'blockbot', mode: 'telegram-polling', storage: 'sqlite', n: c.n,
        updates_per_s: +med(c, 'updates_per_s').toFixed(1),
        p50_ms: +med(c, 'p50_ms').toFixed(3), p99_ms: +med(c, 'p99_ms').toFixed(3), max_ms: +med(c, 'max_ms').toFixed(3),
        bot_cores: +med(c, 'bot_cores').toFixed(2), fake_cores: +med(c, 'fake_cores').toFixed(2),
        bot_peak_rss_mb: +med(c, 'bot_peak_rss_mb').toFixed(1),
        getupdates_per_s: +med(c, 'getupdates_per_s').toFixed(1),
        updates_per_run: c.runs[0].updates, api_calls_per_run: c.runs[0].api_calls, limiter: c.runs[0].limiter,
        runs_updates_per_s: c.runs.map((r) => r.updates_per_s),
    }));
    console.log('');
    console.log(`median of ${o.runs} runs (fresh fake + bot processes each):`);
    console.log('N      updates/s    p50 ms    p99 ms  bot cores  fake+driver cores  bot peak RSS MB  getUpdates/s');
    for (const r of results) {
        console.log(`${String(r.n).padEnd(5)} ${r.updates_per_s.toFixed(0).padStart(10)} ${r.p50_ms.toFixed(2).padStart(9)} ${r.p99_ms.toFixed(2).padStart(9)} ${r.bot_cores.toFixed(2).padStart(10)} ${r.fake_cores.toFixed(2).padStart(18)} ${r.bot_peak_rss_mb.toFixed(1).padStart(16)} ${r.getupdates_per_s.toFixed(0).padStart(13)}`);
    }
    const line = JSON.stringify({ bench: 'blockbot-telegram-e2e-loopback', date: new Date().toISOString(), node: process.version, nproc: os.cpus().length, runs: o.runs, turns_per_run: o.turns, warmup_turns: o.warmupTurns, bot_process: 'child', results });
    if (o.out) fs.writeFileSync(o.out, line + '\n');
    console.log(line);
}

const opts = parseArgs(process.argv);
const fail = (e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); };
if (opts.worker) worker(opts).then(() => process.exit(0), fail);
else main(opts);
