import { InvalidArgumentError, Option, type Command } from 'commander';

/** The options of `coach group`, as the command reads them. */
export interface GroupOptions {
  readonly port: number;
  /** The address to bind; by default this computer's address on the local network. */
  readonly host?: string;
  readonly roomsDir?: string;
  readonly json?: boolean;
  readonly newRoom?: boolean;
}

/** The rooms' JSON API, as the help of `coach group` and `coach serve` gives it. */
const roomApiHelp = `The JSON API (the pages use it; scripts can too):
  GET  /api/rooms/<code>            the room: phase, node, offered, votes, replies, players, ending, …
  POST /api/rooms/<code>/players    {"name": "Ana"}   answers the room with "token": that player's
                                    own; joining again under a taken name needs it ({"name", "token"})
                                    (a name someone has is answered 409 with "suggestion": "Ana 2")
  POST /api/rooms/<code>/rename     {"from": "Ana", "to": "Ana B", "token": "…"}   the same player
                                    under a new name, with their vote; only with their token
  POST /api/rooms/<code>/votes      {"player": "Ana", "choice": 2, "token": "…"}   one vote per player
                                    per step, only with the token the player was given on joining
  POST /api/rooms/<code>/replies    {"player": "<id>", "text": "…"}   a reply typed during the pause:
                                    <id> is the phone's own random id (1-64 letters, digits, - or _),
                                    never its name; the same id replaces it, "" takes it back; at most
                                    1,000 characters; until the facilitator shows the replies
  GET  /api/rooms/<code>/replies/<id>   that phone's own reply: {"step", "text", "shown"}
  POST /api/rooms/<code>/advance    {} or {"choice": 2}   with Authorization: Bearer <key>; add
                                    "from": "voting" (the phase shown) so a second press is refused
  POST /api/rooms/<code>/reveal     {}   facilitator: show the replies on the shared screen, without names
  POST /api/rooms/<code>/leave      {"name": "Ana"}   facilitator: someone leaves, or a stray name goes
  POST /api/rooms/<code>/counts     {"choice": 2, "count": 3}   facilitator: votes without a phone
  POST /api/rooms/<code>/start      {"mode": "vote"} or {"mode": "hot-seat"}   facilitator; also
                                    "sayItYourWay": true, "sayItSeconds": 60, "typedReplies": false,
                                    "liveCounts": true
  POST /api/rooms/<code>/settings   facilitator, at any time: {"typedReplies": false} typed replies
                                    off (or on); {"playerLimit": 60} let more people in (40 at first,
                                    at most 200); {"liveCounts": true} counts while voting is open
                                    (hidden until the reveal by default); {"mode": "hot-seat"},
                                    {"sayItYourWay": true}, {"sayItSeconds": 90} from the next step
  POST /api/rooms/<code>/undo|restart|pause|resume   {}   facilitator
  live updates: a WebSocket at /api/rooms/<code>/live

The room's view gives how many replies are in while the pause is on ("replies": {"count"}), and
their words only once shown ("texts", in a shuffled order that stays the same), never with names;
"problems" says what the facilitator must know (a save that failed, votes set aside on resume).

Each address is held to limits (answered 429 with Retry-After): joins, votes and replies, reads,
and tries at room codes that are not here. The facilitator's requests are never limited.`;

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('Expected a whole number from 0 to 65535 (0 picks any free port).');
  return Number(value);
}

/** `coach group <id | file>`: serve the course and a room that phones on the same network join to vote. */
export function registerGroup(program: Command): void {
  program
    .command('group')
    .description('serve the course and a group room on the local network: a facilitator screen, and phones that join to vote')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file (from anywhere: one outside scenarios/ is kept with its room)')
    .option('--port <number>', 'the port to listen on (0 for any free port)', portNumber, 4450)
    .option('--host <address>', "the address to listen on (default: this computer's private address on the local network, which phones need; a public one only if given here)")
    .option('--rooms-dir <folder>', 'where rooms are saved, one JSON file each (default: .coach/rooms in the project)')
    .option('--new-room', 'open a new room even if one for this scenario is still going')
    .option('--json', 'print one JSON line first: {"facilitator", "join", "code", "key"}')
    .addHelpText(
      'after',
      `
It builds the course first if dist/ lacks the scenario's group page or a scenario file is newer
than it, then prints the facilitator's
address (with the room's key: keep it to yourself), the join address and a QR code for phones.
Rooms are saved on every change, and a change is answered only once it is on disk, so stopping
the server (Ctrl+C, or a crash) loses nothing it confirmed; a save that fails is answered 503 and
shown on the facilitator's screen. Rooms resume when the server starts again; rooms unused for
14 days, or ended a day ago, are closed and their files kept in closed/. One server keeps a rooms
folder: a second coach group on the same folder opens its room on the one already running.
It listens only on the address given, answers only requests addressed to it (Host), and makes
no requests of its own.

${roomApiHelp}

Exit codes: 0 stopped cleanly; 1 the server could not start, or the build failed; 2 usage error.

Examples:
  $ npx coach group first-conversation-with-jordan
  $ npx coach group first-conversation-with-jordan --port 8080 --host 0.0.0.0
  $ npx coach group first-conversation-with-jordan --json --rooms-dir /tmp/rooms
  $ npx coach group ./meeting-sam.md`,
    )
    .action(async (arg: string, options: GroupOptions) => {
      const { groupCommand } = await import('./group-command.ts');
      process.exitCode = await groupCommand(arg, options);
    });
}

/** A time such as `12h`, `90m` or `30s`, in milliseconds. */
function duration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(h|m|s)$/.exec(value.trim());
  const ms = match ? Number(match[1]) * { h: 3_600_000, m: 60_000, s: 1000 }[match[2] as 'h' | 'm' | 's'] : Number.NaN;
  if (!(ms >= 1000)) throw new InvalidArgumentError('Expected a time such as 12h, 90m or 30s (at least 1s).');
  return ms;
}

/** `coach serve`: the course and rooms for many groups at once, on a server with a public address. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the course and group rooms for many groups at once, on a server (behind a TLS reverse proxy)')
    .option('--port <number>', 'the port to listen on', portNumber, 8080)
    .option('--host <address>', 'the address to listen on (0.0.0.0 in a container)', '127.0.0.1')
    .option('--redis <url>', 'keep rooms in Redis or Valkey, shared by every process given the same address (or COACH_REDIS_URL)')
    .option('--rooms-dir <folder>', 'without Redis: where rooms are kept, one file each (default: .coach/served-rooms in the project)')
    .option('--public-url <url>', 'the address people open, such as https://rooms.example.org (or COACH_PUBLIC_URL): links and QR codes use it')
    .option('--site <folder>', 'serve this built course as it is (in a container, the dist/ built into the image); by default dist/, built first when out of date')
    .option('--trust-proxy', "behind a reverse proxy: limit each person by the address the proxy puts last in X-Forwarded-For")
    .addOption(new Option('--idle <time>', 'close a room this long after its last change, keeping nothing (such as 12h, 90m)').argParser(duration).default(duration('12h'), '12h'))
    .addHelpText(
      'after',
      `
The organiser passphrase comes from the environment, never the command line:
  COACH_ORGANISER_PASSPHRASE        the passphrase (at least 12 characters), or
  COACH_ORGANISER_PASSPHRASE_FILE   a file holding it (a Docker or systemd secret)
Whoever has it opens rooms: in the browser at /rooms/new/ (choose a scenario or a scenario file,
get the code, the QR code and the facilitator's link), or from a script:
  POST /api/rooms   {"scenario": "<id>"}   with Authorization: Bearer <organiser passphrase>
                    answers 201 {"code", "key", "facilitator", "join"}
  POST /api/rooms   {"markdown": "<a scenario file's text>", "fileName": "meeting-sam.md"}
                    a room for a file that is not in the course: checked as coach test checks
                    (errors answer 400 with "problems", each with its line), at most 200 KB (413);
                    kept with the room only, and read by its pages at GET /api/rooms/<code>/scenario

One process keeps rooms in --rooms-dir. Where one process is not enough, run several with the same
--redis address behind one proxy: any process takes any phone, and a process that stops leaves its
phones to the others with nothing lost. A room closes after --idle without a change, and nothing of
it is kept but what the facilitator downloaded. docs/hosting.md says how to deploy it.

${roomApiHelp}

Exit codes: 0 stopped cleanly; 1 the server could not start (Redis unreachable, port in use); 2 usage error.

Examples:
  $ COACH_ORGANISER_PASSPHRASE='four words of your own' npx coach serve --port 8080
  $ COACH_ORGANISER_PASSPHRASE_FILE=/run/secrets/organiser npx coach serve --host 0.0.0.0 --redis redis://127.0.0.1:6379 --public-url https://rooms.example.org --trust-proxy`,
    )
    .action(async (options: import('./serve-command.ts').ServeOptions) => {
      const { serveCommand } = await import('./serve-command.ts');
      process.exitCode = await serveCommand(options);
    });
}
